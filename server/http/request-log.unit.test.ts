import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logRequests } from "./request-log";

function finished(method: string, url: string, status: number): void {
  const req = { method, url } as IncomingMessage;
  const res = Object.assign(new EventEmitter(), { statusCode: status }) as unknown as ServerResponse;
  logRequests(req, res);
  res.emit("finish");
}

afterEach(() => vi.restoreAllMocks());

describe("logRequests", () => {
  it("writes one JSON line per request, those of one event-loop turn in one write", async () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    finished("POST", "/api/v1/assignments?debug=1", 200);
    finished("GET", "/_next/static/chunk.js", 200);
    finished("GET", "/r/landing", 302);
    expect(write).not.toHaveBeenCalled();
    await new Promise((resolve) => setImmediate(resolve));
    expect(write).toHaveBeenCalledTimes(1);
    const lines = String(write.mock.calls[0]?.[0]).trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map(({ durationMs, ...rest }) => [typeof durationMs, rest])).toEqual([
      ["number", { level: "info", msg: "request", method: "POST", route: "/api/v1/assignments", status: 200 }],
      ["number", { level: "info", msg: "request", method: "GET", route: "/r/landing", status: 302 }],
    ]);
    finished("GET", "/experiments", 200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(write).toHaveBeenCalledTimes(2);
  });
});

describe("the hand-written log line", () => {
  it("is exactly what JSON.stringify writes, escapes included", async () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const route = '/r/a"b\\c\u0001é\n';
    finished("POST", `${route}?x=1`, 404);
    await new Promise((resolve) => setImmediate(resolve));
    const line = String(write.mock.calls[0]?.[0]);
    const parsed = JSON.parse(line) as { durationMs: number };
    expect(line).toBe(`${JSON.stringify({ level: "info", msg: "request", method: "POST", route, status: 404, durationMs: parsed.durationMs })}\n`);
  });
});
