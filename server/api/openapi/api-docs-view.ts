/**
 * The OpenAPI document arranged for reading on the API docs page: endpoints grouped by tag, with their
 * schemas' `$ref`s written out in place so each one reads on its own.
 */
import type { OpenApiDocument, OperationObject, ParameterObject, RefObject, ResponseObject } from "./build-document";
import { SECURITY_SCHEME_NAMES, securityLabels } from "./security-schemes";
import type { JsonSchema } from "./zod-json-schema";

export interface ResponseView {
  status: string;
  description: string;
  schema: unknown;
}

export interface EndpointView {
  operationId: string;
  /** Upper case: `GET`, `POST`, … */
  method: string;
  path: string;
  summary: string;
  description: string | null;
  /** Who may call it, any one of these; empty when public. */
  auth: string[];
  parameters: ParameterObject[];
  body: unknown;
  responses: ResponseView[];
}

export interface TagView {
  name: string;
  description: string;
  endpoints: EndpointView[];
}

const SCHEMA_REF = /^#\/components\/schemas\/(.+)$/;

/** `schema` with component references replaced by the components; a component met again inside itself stays a reference. */
export function inlineRefs(schema: unknown, components: Record<string, JsonSchema>, within: readonly string[] = []): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inlineRefs(item, components, within));
  if (!schema || typeof schema !== "object") return schema;
  const { $ref, ...rest } = schema as Record<string, unknown>;
  const inlinedRest = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, inlineRefs(value, components, within)]));
  const name = typeof $ref === "string" ? SCHEMA_REF.exec($ref)?.[1] : undefined;
  if (name === undefined || within.includes(name) || !components[name]) return $ref === undefined ? inlinedRest : { $ref, ...inlinedRest };
  const target = inlineRefs(components[name], components, [...within, name]) as Record<string, unknown>;
  return { ...target, ...inlinedRest };
}

/**
 * Drops what a reader gains nothing from: the regular expression behind a named `format` (a date-time
 * pattern runs to hundreds of characters) and the JavaScript safe-integer bound zod puts on integers.
 */
function readableValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(readableValue);
  return value && typeof value === "object" ? readable(value as JsonSchema) : value;
}

export function readable(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !(key === "pattern" && typeof schema.format === "string") && !(key === "maximum" && value === Number.MAX_SAFE_INTEGER))
      .map(([key, value]) => [key, readableValue(value)]),
  );
}

const display = (schema: unknown, components: Record<string, JsonSchema>) => readableValue(inlineRefs(schema, components));

function authLabel(scheme: string): string {
  const known = SECURITY_SCHEME_NAMES.find((name) => name === scheme);
  return known ? securityLabels[known] : scheme;
}

function isRef(value: ResponseObject | RefObject): value is RefObject {
  return "$ref" in value;
}

function responseViews(document: OpenApiDocument, operation: OperationObject): ResponseView[] {
  const { schemas, responses } = document.components;
  return Object.entries(operation.responses).map(([status, value]) => {
    // Shared error responses all carry the one error shape, which the page explains once.
    if (isRef(value)) return { status, description: responses[value.$ref.split("/").pop() ?? ""]?.description ?? "", schema: null };
    const schema = value.content?.["application/json"]?.schema;
    return { status, description: value.description, schema: schema ? display(schema, schemas) : null };
  });
}

function endpointView(document: OpenApiDocument, path: string, method: string, operation: OperationObject): EndpointView {
  const body = operation.requestBody?.content["application/json"]?.schema;
  return {
    operationId: operation.operationId,
    method: method.toUpperCase(),
    path,
    summary: operation.summary,
    description: operation.description ?? null,
    auth: operation.security.flatMap((requirement) => Object.keys(requirement).map(authLabel)),
    parameters: (operation.parameters ?? []).map((parameter) => ({ ...parameter, schema: readable(parameter.schema) })),
    body: body ? display(body, document.components.schemas) : null,
    responses: responseViews(document, operation),
  };
}

/** Every endpoint under its first tag, tags in the document's order. */
export function apiDocsByTag(document: OpenApiDocument): TagView[] {
  const views = document.tags.map((tag): TagView => ({ name: tag.name, description: tag.description, endpoints: [] }));
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const tag = views.find((view) => view.name === operation.tags[0]);
      tag?.endpoints.push(endpointView(document, path, method, operation));
    }
  }
  return views.filter((view) => view.endpoints.length > 0);
}
