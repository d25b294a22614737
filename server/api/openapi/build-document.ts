/** Builds the OpenAPI 3.1 document from endpoint docs (`endpoint-doc.ts`); pure, so a unit test can check it. */
import type { EndpointDoc, ErrorStatus, NamedSchema, ResponseDoc } from "./endpoint-doc";
import { ERROR_SCHEMA_NAME, errorBodySchema, errorResponses } from "./error-responses";
import { securitySchemes } from "./security-schemes";
import { type JsonSchema, componentSchemas, objectProperties } from "./zod-json-schema";

export interface RefObject {
  $ref: string;
}

export interface MediaTypeObject {
  schema: RefObject | JsonSchema;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, MediaTypeObject>;
}

export interface ParameterObject {
  name: string;
  in: "path" | "query";
  description?: string;
  required: boolean;
  schema: JsonSchema;
  style?: "form";
  explode?: boolean;
}

export interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters?: ParameterObject[];
  requestBody?: { required: boolean; content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject | RefObject>;
}

export interface TagObject {
  name: string;
  description: string;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  tags: TagObject[];
  paths: Record<string, Record<string, OperationObject>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, ResponseObject>;
    securitySchemes: Record<string, Record<string, string>>;
  };
}

export interface DocumentInput {
  info: OpenApiDocument["info"];
  tags: readonly TagObject[];
  endpoints: readonly EndpointDoc[];
  /** Components named for readability though no endpoint names them directly (`JsonValue`). */
  extraSchemas?: readonly NamedSchema[];
}

const JSON_MEDIA = "application/json";
const ref = (name: string): RefObject => ({ $ref: `#/components/schemas/${name}` });

function placeholders(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? "");
}

function described(schema: JsonSchema): { description?: string } {
  return typeof schema.description === "string" ? { description: schema.description } : {};
}

function parameters(endpoint: EndpointDoc): ParameterObject[] {
  const pathParams = endpoint.pathParams ? objectProperties(endpoint.pathParams) : [];
  const expected = placeholders(endpoint.path).sort();
  const declared = pathParams.map((param) => param.name).sort();
  if (expected.join() !== declared.join()) {
    throw new Error(`${endpoint.operationId}: path ${endpoint.path} has parameters [${expected}] but its doc declares [${declared}].`);
  }
  return [
    ...pathParams.map((param): ParameterObject => ({ name: param.name, in: "path", ...described(param.schema), required: true, schema: param.schema })),
    ...(endpoint.query ? objectProperties(endpoint.query) : []).map(
      (param): ParameterObject => ({
        name: param.name,
        in: "query",
        ...described(param.schema),
        required: param.required,
        schema: param.schema,
        style: "form",
        explode: true,
      }),
    ),
  ];
}

function successResponse(doc: ResponseDoc): ResponseObject {
  return {
    description: doc.description,
    ...(doc.headers
      ? { headers: Object.fromEntries(Object.entries(doc.headers).map(([name, description]) => [name, { description, schema: { type: "string" } }])) }
      : {}),
    ...(doc.body ? { content: { [JSON_MEDIA]: { schema: ref(doc.body.name) } } } : {}),
  };
}

function operation(endpoint: EndpointDoc): OperationObject {
  const responses: Record<string, ResponseObject | RefObject> = {};
  for (const [status, doc] of Object.entries(endpoint.responses)) if (doc) responses[status] = successResponse(doc);
  for (const status of [...endpoint.errors].sort((a, b) => a - b)) responses[String(status)] = { $ref: `#/components/responses/${errorResponses[status].name}` };
  const params = parameters(endpoint);
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    tags: [...endpoint.tags],
    security: endpoint.security.map((scheme) => ({ [scheme]: [] })),
    ...(params.length ? { parameters: params } : {}),
    ...(endpoint.body ? { requestBody: { required: true, content: { [JSON_MEDIA]: { schema: ref(endpoint.body.name) } } } } : {}),
    responses,
  };
}

function namedSchemas(input: DocumentInput): NamedSchema[] {
  const list: NamedSchema[] = [{ name: ERROR_SCHEMA_NAME, schema: errorBodySchema }, ...(input.extraSchemas ?? [])];
  for (const endpoint of input.endpoints) {
    if (endpoint.body) list.push(endpoint.body);
    for (const response of Object.values(endpoint.responses)) if (response?.body) list.push(response.body);
  }
  return list;
}

export function buildOpenApiDocument(input: DocumentInput): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  const operationIds = new Set<string>();
  for (const endpoint of input.endpoints) {
    if (operationIds.has(endpoint.operationId)) throw new Error(`Two endpoints share the operationId "${endpoint.operationId}".`);
    operationIds.add(endpoint.operationId);
    const item = (paths[endpoint.path] ??= {});
    const method = endpoint.method.toLowerCase();
    if (item[method]) throw new Error(`${endpoint.method} ${endpoint.path} is documented twice.`);
    item[method] = operation(endpoint);
  }
  const statuses = Object.keys(errorResponses).map(Number) as ErrorStatus[];
  return {
    openapi: "3.1.0",
    info: input.info,
    tags: [...input.tags],
    paths,
    components: {
      schemas: componentSchemas(namedSchemas(input)),
      responses: Object.fromEntries(
        statuses.map((status) => {
          const { name, description } = errorResponses[status];
          return [name, { description, content: { [JSON_MEDIA]: { schema: ref(ERROR_SCHEMA_NAME) } } }];
        }),
      ),
      securitySchemes,
    },
  };
}
