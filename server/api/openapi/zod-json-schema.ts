/**
 * zod schemas as JSON Schema 2020-12 (OpenAPI 3.1's dialect), through zod's own `z.toJSONSchema`, so the
 * document says exactly what the validators accept.
 */
import { z } from "zod";
import type { NamedSchema } from "./endpoint-doc";

export type JsonSchema = Record<string, unknown>;

const COMPONENT_PREFIX = "#/components/schemas/";
const SHARED = "__shared";

const options = {
  target: "draft-2020-12",
  // Requests are documented as callers write them: defaults make fields optional, transforms are not applied.
  io: "input",
  // The services also accept Date objects (forms hand them Dates); zod cannot represent those, and over
  // HTTP a date is an ISO-8601 string anyway, which `override` below says.
  unrepresentable: "any",
  override: (ctx) => {
    if (ctx.zodSchema._zod.def.type === "date") Object.assign(ctx.jsonSchema, { type: "string", format: "date-time" });
  },
} satisfies Parameters<typeof z.toJSONSchema>[1];

/** Applies `rewrite` to every `$ref` in a JSON value, in place. */
function rewriteRefs(value: unknown, rewrite: (ref: string) => string): void {
  if (Array.isArray(value)) {
    for (const item of value) rewriteRefs(item, rewrite);
  } else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(record)) {
      if (key === "$ref" && typeof child === "string") record[key] = rewrite(child);
      else rewriteRefs(child, rewrite);
    }
  }
}

/** A component is a schema object, not a standalone document: no `$schema`, and no fragment-only `$id`. */
function asComponent(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/**
 * Every named schema as `components.schemas`, converted together so that one named schema used inside
 * another becomes a `$ref` to it. Subschemas zod has to share (recursive ones it was not given a name for)
 * become components too, named `Shared…`.
 */
export function componentSchemas(list: readonly NamedSchema[]): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  const byName = new Map<string, z.ZodType>();
  for (const { name, schema } of list) {
    const known = byName.get(name);
    if (known && known !== schema) throw new Error(`Two different schemas are both named "${name}" in the OpenAPI document.`);
    const existing = registry.get(schema)?.id;
    if (existing !== undefined && existing !== name) throw new Error(`One schema is named both "${existing}" and "${name}" in the OpenAPI document.`);
    if (!known) {
      byName.set(name, schema);
      registry.add(schema, { id: name });
    }
  }

  const { schemas } = z.toJSONSchema(registry, { ...options, uri: (id) => `${COMPONENT_PREFIX}${id}` });
  const components: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (name !== SHARED) components[name] = asComponent(schema);
  }
  const shared = (schemas[SHARED]?.$defs ?? {}) as Record<string, JsonSchema>;
  const sharedName = (def: string) => `Shared${def.charAt(0).toUpperCase()}${def.slice(1)}`;
  for (const [def, schema] of Object.entries(shared)) components[sharedName(def)] = schema;
  const sharedRef = new RegExp(`^${COMPONENT_PREFIX}${SHARED}#/\\$defs/(.+)$`);
  rewriteRefs(components, (ref) => {
    const match = sharedRef.exec(ref);
    return match?.[1] ? `${COMPONENT_PREFIX}${sharedName(match[1])}` : ref;
  });
  return components;
}

/** One schema inline (path and query parameters); it must not need definitions of its own. */
export function inlineSchema(schema: z.ZodType): JsonSchema {
  const converted = asComponent(z.toJSONSchema(schema, options));
  if ("$defs" in converted) throw new Error("An inline OpenAPI schema needs shared definitions; give it a name and a component instead.");
  return converted;
}

export interface PropertySchema {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

/** The properties of an object schema, for path and query parameters. */
export function objectProperties(schema: z.ZodObject): PropertySchema[] {
  const converted = inlineSchema(schema);
  const properties = (converted.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((converted.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({ name, schema: property, required: required.has(name) }));
}
