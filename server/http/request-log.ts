import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Lines finished in this turn of the event loop, written together at its end: one write(2) per turn
 * instead of one per request. Measured again for issue 7 (200,000 lines, turns of 32, stdout to a file,
 * CPU per line): this logger 0.9 to 1.2 µs (1.4 to 1.8 when it built the object for JSON.stringify);
 * pino 10.4 with its synchronous destination 4.2 to 5.0 µs, with its asynchronous one 3.9 to 4.0. So we
 * keep our own.
 */
let pending: string[] = [];
let scheduled = false;

function flush(): void {
  scheduled = false;
  if (pending.length === 0) return;
  const chunk = pending.join("");
  pending = [];
  process.stdout.write(chunk);
}

// Whatever is still buffered when the process exits is written then (stdout to a file or pipe writes synchronously).
process.once("exit", flush);

/** The path without the query string. */
function routeOf(url: string | undefined): string {
  if (url === undefined) return "/";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

/**
 * One JSON line per request (DESIGN §9 observability): method, route, status, duration since `startedAt`
 * (a `performance.now()`). The line is written out by hand, the same text `JSON.stringify` gives for
 * `{level, msg, method, route, status, durationMs}` (only the two strings from the client need escaping),
 * without building the object.
 */
export function logRequest(method: string | undefined, url: string | undefined, status: number, startedAt: number): void {
  const route = routeOf(url);
  if (route.startsWith("/_next/static")) return; // static assets would drown the log
  const durationMs = Math.round((performance.now() - startedAt) * 100) / 100;
  pending.push(`{"level":"info","msg":"request","method":${JSON.stringify(method ?? "")},"route":${JSON.stringify(route)},"status":${status},"durationMs":${durationMs}}\n`);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
}

/**
 * Logs the request once its response has finished. The SDK fast path logs its own answers instead
 * (serveFromNode): a "finish" listener per request cost about 2.4 µs of CPU there, of a budget near 10 µs
 * (docs/decisions/012).
 */
export function logRequests(req: IncomingMessage, res: ServerResponse): void {
  const startedAt = performance.now();
  // "finish" fires once per response: `on` spares `once`'s wrapper.
  res.on("finish", () => logRequest(req.method, req.url, res.statusCode, startedAt));
}
