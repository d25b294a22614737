import type { IncomingMessage, ServerResponse } from "node:http";
import { toErrorResponse } from "./error-response";
import { bodyTooLarge, MAX_BODY_BYTES, parseJsonBody } from "./json-body";
import type { ApiHandler, ApiResponse } from "./types";

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > MAX_BODY_BYTES) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners("data");
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    // An SDK request's body comes in one chunk: no copy into a new buffer then.
    req.on("end", () => resolve((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString("utf8")));
    req.on("error", reject);
  });
}

/** Streams still open, so that shutting down can end them (they never end by themselves). */
const openStreams = new Set<AbortController>();

export function endOpenStreams(): void {
  for (const stream of openStreams) stream.abort();
}

function writeStream(res: ServerResponse, response: ApiResponse & { stream: NonNullable<ApiResponse["stream"]> }): void {
  res.writeHead(response.status, { "cache-control": "no-store", ...response.headers });
  res.flushHeaders();
  const closed = new AbortController();
  openStreams.add(closed);
  res.once("close", () => closed.abort());
  closed.signal.addEventListener("abort", () => {
    openStreams.delete(closed);
    res.end();
  });
  response.stream.open((chunk) => res.write(chunk), closed.signal);
}

const JSON_TYPE = "application/json; charset=utf-8";

export function writeApiResponse(res: ServerResponse, response: ApiResponse): void {
  if (response.stream) return writeStream(res, { ...response, stream: response.stream });
  const hasBody = response.body !== undefined && response.status !== 204 && response.status !== 304;
  const payload = hasBody ? JSON.stringify(response.body) : "";
  const headers: Record<string, string | number> = hasBody
    ? { "content-type": JSON_TYPE, "content-length": Buffer.byteLength(payload), "cache-control": "no-store" }
    : { "cache-control": "no-store" };
  // The handler's own headers win (a 302's cache-control, say).
  const own = response.headers;
  if (own) for (const name in own) headers[name] = own[name]!;
  res.writeHead(response.status, headers);
  res.end(payload);
}

/**
 * Serves an API handler straight from node:http, outside Next (the SDK fast path, DESIGN §8). The
 * request's `url` is built only if the handler reads it: OFREP and assignments never do, and a `URL`
 * object per request was a measurable share of their CPU.
 */
export async function serveFromNode(handler: ApiHandler, req: IncomingMessage, res: ServerResponse, params: Record<string, string>): Promise<void> {
  let response: ApiResponse;
  const headers = { get: (name: string) => req.headers[name.toLowerCase()]?.toString() ?? null };
  try {
    const text = await readBody(req);
    const body = text === null ? null : parseJsonBody(text);
    if (body === null) response = handler.bodyError?.(bodyTooLarge(), { headers, params }) ?? bodyTooLarge();
    else if (!body.ok) response = handler.bodyError?.(body.response, { headers, params }) ?? body.response;
    else {
      let url: URL | undefined;
      response = await handler({
        method: req.method ?? "GET",
        get url() {
          return (url ??= new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`));
        },
        headers,
        params,
        body: body.value,
      });
    }
  } catch (error) {
    response = toErrorResponse(error);
  }
  writeApiResponse(res, response);
}
