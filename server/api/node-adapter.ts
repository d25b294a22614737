import type { IncomingMessage, ServerResponse } from "node:http";
import { logRequest } from "../http/request-log";
import { toErrorResponse } from "./error-response";
import { bodyTooLarge, MAX_BODY_BYTES, parseJsonBody } from "./json-body";
import type { ApiAnswer, ApiHandler, ApiRequest, ApiResponse } from "./types";

/**
 * Reads the body and calls `done` with its text, or with null when it is larger than we take. A callback,
 * not a promise: the answer to an SDK request is then written in the turn its body arrived.
 */
function readBody(req: IncomingMessage, done: (text: string | null) => void, failed: (error: unknown) => void): void {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) return done(null);
  const chunks: Buffer[] = [];
  let size = 0;
  // Once answered (the body too large, or read), a later error or end has nobody to tell.
  let settled = false;
  req.on("data", (chunk: Buffer) => {
    if (settled) return;
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      settled = true;
      req.removeAllListeners("data");
      req.resume();
      done(null);
      return;
    }
    chunks.push(chunk);
  });
  // An SDK request's body comes in one chunk: no copy into a new buffer then.
  req.on("end", () => {
    if (settled) return;
    settled = true;
    done((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString("utf8"));
  });
  req.on("error", (error) => {
    if (settled) return;
    settled = true;
    failed(error);
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

/** A request's headers as handlers read them: the `get` of Fetch's `Headers`, over node's parsed ones. */
class NodeHeaders {
  constructor(private readonly req: IncomingMessage) {}

  get(name: string): string | null {
    return this.req.headers[name.toLowerCase()]?.toString() ?? null;
  }
}

/**
 * The request a handler sees. Its `url` is built only if the handler reads it: OFREP and assignments never
 * do, and a `URL` per request was a measurable share of their CPU. The getter is on the class, not on an
 * object literal: a literal with an accessor takes V8's slow path, and cost about 8 µs of CPU per request
 * (a trivial handler under wrk: 36k requests/s with it, 53k without).
 */
class NodeApiRequest implements ApiRequest {
  readonly method: string;
  private parsedUrl: URL | undefined;

  constructor(
    private readonly req: IncomingMessage,
    readonly headers: NodeHeaders,
    readonly params: Record<string, string>,
    readonly body: unknown,
  ) {
    this.method = req.method ?? "GET";
  }

  get url(): URL {
    return (this.parsedUrl ??= new URL(this.req.url ?? "/", `http://${this.req.headers.host ?? "localhost"}`));
  }
}

/** The handler's answer to a body read in full (null: too large). */
function answer(handler: ApiHandler, req: IncomingMessage, headers: NodeHeaders, params: Record<string, string>, text: string | null): ApiAnswer {
  if (text === null) return handler.bodyError?.(bodyTooLarge(), { headers, params }) ?? bodyTooLarge();
  const body = parseJsonBody(text);
  if (!body.ok) return handler.bodyError?.(body.response, { headers, params }) ?? body.response;
  return handler(new NodeApiRequest(req, headers, params, body.value));
}

export interface ServeOptions {
  /** Writes the request's log line (server/http/request-log) when the answer is written. */
  log?: boolean;
}

const NOT_LOGGED: ServeOptions = {};

/**
 * Serves an API handler straight from node:http, outside Next (the SDK fast path, DESIGN §8). An answer
 * given at once is written at once; a promised one when it settles. Whatever fails becomes the API's
 * error shape. With `log`, the request's line is written with the answer (a stream's when it ends).
 */
export function serveFromNode(handler: ApiHandler, req: IncomingMessage, res: ServerResponse, params: Record<string, string>, options: ServeOptions = NOT_LOGGED): void {
  const startedAt = options.log ? performance.now() : 0;
  const write = (response: ApiResponse) => {
    try {
      writeApiResponse(res, response);
    } catch (error) {
      // An answer that cannot be written (a body JSON cannot hold) is our failure, not a crash.
      if (res.headersSent) return void res.destroy(error instanceof Error ? error : undefined);
      writeApiResponse(res, toErrorResponse(error));
    }
    if (!options.log) return;
    if (response.stream) res.once("finish", () => logRequest(req.method, req.url, res.statusCode, startedAt));
    else logRequest(req.method, req.url, res.statusCode, startedAt);
  };
  const fail = (error: unknown) => write(toErrorResponse(error));
  const headers = new NodeHeaders(req);
  readBody(
    req,
    (text) => {
      let answered: ApiAnswer;
      try {
        answered = answer(handler, req, headers, params, text);
      } catch (error) {
        return fail(error);
      }
      if (answered instanceof Promise) answered.then(write, fail);
      else write(answered);
    },
    fail,
  );
}
