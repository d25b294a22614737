import { toErrorResponse } from "./error-response";
import { bodyTooLarge, MAX_BODY_BYTES, parseJsonBody } from "./json-body";
import type { ApiHandler, ApiResponse } from "./types";

function toStreamResponse(response: ApiResponse & { stream: NonNullable<ApiResponse["stream"]> }, signal: AbortSignal): Response {
  const encoder = new TextEncoder();
  const closed = new AbortController();
  signal.addEventListener("abort", () => closed.abort());
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      closed.signal.addEventListener("abort", () => {
        try {
          controller.close();
        } catch {
          // Already closed by the reader going away.
        }
      });
      response.stream.open((chunk) => controller.enqueue(encoder.encode(chunk)), closed.signal);
    },
    cancel() {
      closed.abort();
    },
  });
  return new Response(body, { status: response.status, headers: { "cache-control": "no-store", ...response.headers } });
}

/** A transport-free answer as a Next (web) Response. */
export function toNextResponse(response: ApiResponse, signal?: AbortSignal): Response {
  if (response.stream) return toStreamResponse({ ...response, stream: response.stream }, signal ?? new AbortController().signal);
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
      // Routes without dynamic segments get no params from Next.
      const raw = (await context?.params) ?? {};
      const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
      const refuse = (response: ApiResponse) => toNextResponse(handler.bodyError?.(response, { headers: request.headers, params }) ?? response);
      if (declared > MAX_BODY_BYTES) return refuse(bodyTooLarge());
      const text = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
      if (Buffer.byteLength(text) > MAX_BODY_BYTES) return refuse(bodyTooLarge());
      const body = parseJsonBody(text);
      if (!body.ok) return refuse(body.response);
      return toNextResponse(await handler({ method: request.method, url: new URL(request.url), headers: request.headers, params, body: body.value }), request.signal);
    } catch (error) {
      return toNextResponse(toErrorResponse(error));
    }
  };
}
