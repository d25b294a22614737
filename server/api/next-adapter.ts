import { toErrorResponse } from "./error-response";
import { bodyTooLarge, MAX_BODY_BYTES, parseJsonBody } from "./json-body";
import type { ApiHandler, ApiResponse } from "./types";

/** A transport-free answer as a Next (web) Response. */
export function toNextResponse(response: ApiResponse): Response {
  const hasBody = response.body !== undefined && response.status !== 204 && response.status !== 304;
  return new Response(hasBody ? JSON.stringify(response.body) : null, {
    status: response.status,
    headers: { ...(hasBody ? { "content-type": "application/json; charset=utf-8" } : {}), "cache-control": "no-store", ...response.headers },
  });
}

/** Mounts a transport-free API handler as a Next route handler (for `next dev` and the OpenAPI page). */
export function nextRoute(handler: ApiHandler) {
  return async (request: Request, context?: { params?: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    try {
      const declared = Number(request.headers.get("content-length") ?? 0);
      if (declared > MAX_BODY_BYTES) return toNextResponse(bodyTooLarge());
      const text = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
      if (Buffer.byteLength(text) > MAX_BODY_BYTES) return toNextResponse(bodyTooLarge());
      const body = parseJsonBody(text);
      if (!body.ok) return toNextResponse(body.response);
      // Routes without dynamic segments get no params from Next.
      const raw = (await context?.params) ?? {};
      const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
      return toNextResponse(await handler({ method: request.method, url: new URL(request.url), headers: request.headers, params, body: body.value }));
    } catch (error) {
      return toNextResponse(toErrorResponse(error));
    }
  };
}
