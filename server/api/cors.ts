/**
 * CORS for the SDK endpoints (DESIGN §7): browser SDKs (the OpenFeature web provider over OFREP) call
 * them from other origins with a client key in a header, which makes every call preflighted.
 * `CORS_ORIGINS` lists the allowed origins, comma-separated; unset or `*` allows any origin. Keys, not
 * origins, authenticate: CORS only decides which web pages may read the answers.
 */
import type { ApiHandler, ApiRequest, ApiResponse } from "./types";

const ALLOWED_HEADERS = "authorization, x-api-key, content-type, if-none-match, last-event-id";
const EXPOSED_HEADERS = "etag, retry-after";

export interface CorsPolicy {
  /** null: any origin. */
  origins: ReadonlySet<string> | null;
}

export function corsPolicyFrom(value: string | undefined): CorsPolicy {
  const list = (value ?? "")
    .split(",")
    .map((origin) => origin.trim().replace(/\/+$/, ""))
    .filter((origin) => origin !== "");
  return { origins: list.length === 0 || list.includes("*") ? null : new Set(list) };
}

let envPolicy: CorsPolicy | null = null;
const policyFromEnv = () => (envPolicy ??= corsPolicyFrom(process.env.CORS_ORIGINS));

const ANY_ORIGIN: Readonly<Record<string, string>> = Object.freeze({ "access-control-allow-origin": "*", "access-control-expose-headers": EXPOSED_HEADERS });

/**
 * The headers that let `origin` read the answer; none when the origin is not allowed (the browser then
 * blocks it). Any origin's are one shared, frozen object: callers copy headers, never change them.
 */
export function corsHeaders(origin: string | null, policy: CorsPolicy): Readonly<Record<string, string>> {
  if (policy.origins === null) return ANY_ORIGIN;
  if (!origin || !policy.origins.has(origin)) return { vary: "Origin" };
  return { "access-control-allow-origin": origin, "access-control-expose-headers": EXPOSED_HEADERS, vary: "Origin" };
}

/** Adds the CORS headers to every answer of `handler`, errors included, so a browser can read why it failed. */
export function withCors(handler: ApiHandler, policy: () => CorsPolicy = policyFromEnv): ApiHandler {
  const withHeaders = (request: Pick<ApiRequest, "headers">, response: ApiResponse): ApiResponse => {
    const cors = corsHeaders(request.headers.get("origin"), policy());
    const headers = response.headers ? { ...response.headers, ...cors } : cors;
    return response.stream ? { status: response.status, headers, stream: response.stream } : { status: response.status, body: response.body, headers };
  };
  const wrapped: ApiHandler = (request) => {
    const answer = handler(request);
    return answer instanceof Promise ? answer.then((response) => withHeaders(request, response)) : withHeaders(request, answer);
  };
  const { bodyError } = handler;
  // A body refused before the handler runs (not JSON, too large) gets the headers too.
  wrapped.bodyError = (response, request) => withHeaders(request, bodyError?.(response, request) ?? response);
  return wrapped;
}

/** Answers a preflight (`OPTIONS`) for the SDK endpoints. */
export function corsPreflight(policy: () => CorsPolicy = policyFromEnv): ApiHandler {
  return (request) => {
    const headers = corsHeaders(request.headers.get("origin"), policy());
    if (!headers["access-control-allow-origin"]) return { status: 204, headers };
    return {
      status: 204,
      headers: { ...headers, "access-control-allow-methods": "GET, POST, OPTIONS", "access-control-allow-headers": ALLOWED_HEADERS, "access-control-max-age": "600" },
    };
  };
}
