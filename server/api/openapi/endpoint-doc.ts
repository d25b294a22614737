/**
 * What each endpoint module says about itself for the OpenAPI document (DESIGN §7): the zod schemas that
 * validate its input and describe its output, who may call it, and which errors it answers with. The
 * document and the API docs page are built from these, so an endpoint cannot be described twice.
 */
import type { z } from "zod";
import type { SecuritySchemeName } from "./security-schemes";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The statuses the API's error shape is sent with (DESIGN §7). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/** A schema with the name it has under `components.schemas`. */
export interface NamedSchema {
  name: string;
  schema: z.ZodType;
}

export function named(name: string, schema: z.ZodType): NamedSchema {
  return { name, schema };
}

export interface ResponseDoc {
  description: string;
  /** JSON body; absent for 204 and redirects. */
  body?: NamedSchema;
  /** Response headers worth knowing (`Location`, `ETag`), by name, with what they hold. */
  headers?: Record<string, string>;
}

export interface EndpointDoc {
  /** Unique across the document; also the anchor on the API docs page. */
  operationId: string;
  method: HttpMethod;
  /** OpenAPI form: `/api/v1/experiments/{key}` (the route folder is `[key]`). */
  path: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  /** Alternatives: any one of them lets a request in. Empty means public. */
  security: readonly SecuritySchemeName[];
  /** The path's `{placeholders}`, one property each. */
  pathParams?: z.ZodObject;
  /** Query parameters, one property each; a repeated parameter arrives as an array. */
  query?: z.ZodObject;
  body?: NamedSchema;
  /** Success responses by status. */
  responses: Partial<Record<number, ResponseDoc>>;
  errors: readonly ErrorStatus[];
}
