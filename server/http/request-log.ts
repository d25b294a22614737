import type { IncomingMessage, ServerResponse } from "node:http";

/** One JSON line per request (DESIGN §9 observability): method, route, status, duration. */
export function logRequests(req: IncomingMessage, res: ServerResponse): void {
  const started = process.hrtime.bigint();
  res.once("finish", () => {
    const route = (req.url ?? "/").split("?")[0];
    if (route?.startsWith("/_next/static")) return; // static assets would drown the log
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(
      `${JSON.stringify({ level: "info", msg: "request", method: req.method, route, status: res.statusCode, durationMs: Math.round(durationMs * 100) / 100 })}\n`,
    );
  });
}
