import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { serveFromNode } from "./node-adapter";
import type { ApiHandler, ApiRequest } from "./types";

/** The last request a handler saw. */
let seen: ApiRequest | null = null;

const echo: ApiHandler = async (request) => {
  seen = request;
  const href = request.headers.get("X-Want-Url") === "yes" ? request.url.href : null;
  return { status: 200, headers: { "cache-control": "max-age=5", "x-echo": "1" }, body: { body: request.body, href, params: request.params, agent: request.headers.get("user-agent") } };
};

let server: Server;
let port = 0;

/** Answers given in the same turn, not promised. */
const routes: Record<string, ApiHandler> = {
  "/at-once": (request) => ({ status: 201, body: { body: request.body } }),
  "/throws": () => {
    throw new Error("a bug in the handler");
  },
  "/unwritable": () => ({ status: 200, body: { count: 1n } }),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    serveFromNode(routes[path] ?? echo, req, res, { key: "k" }, path.startsWith("/logged") ? { log: true } : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => vi.restoreAllMocks());

function send(path: string, body: string | Buffer[], headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method: "POST", headers: { "content-type": "application/json", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown }));
    });
    req.on("error", reject);
    if (typeof body === "string") req.end(body);
    else {
      // Several chunks, split inside a multi-byte character, sent apart.
      for (const chunk of body) req.write(chunk);
      req.end();
    }
  });
}

describe("serveFromNode", () => {
  it("parses the body, passes params and headers (any case), and lets the handler's headers win", async () => {
    const answer = await send("/x?q=1", '{"a":"é"}', { "user-agent": "test-agent" });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ body: { a: "é" }, href: null, params: { key: "k" }, agent: "test-agent" });
    expect(answer.headers["cache-control"]).toBe("max-age=5");
    expect(answer.headers["x-echo"]).toBe("1");
    expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
  });

  it("joins a body that arrives in several chunks, a character split between them", async () => {
    const bytes = Buffer.from('{"name":"café crème"}', "utf8");
    const cut = bytes.indexOf(0xc3) + 1;
    const answer = await send("/x", [bytes.subarray(0, cut), bytes.subarray(cut)]);
    expect((answer.json as { body: unknown }).body).toEqual({ name: "café crème" });
  });

  it("builds the URL only when the handler reads it (once), from the request's path, query and host", async () => {
    await send("/x", "{}");
    // Not a value made up front: an accessor, which builds it on first read.
    expect(typeof Object.getOwnPropertyDescriptor(Object.getPrototypeOf(seen), "url")?.get).toBe("function");
    const answer = await send("/ofrep/v1/x?version=3", "{}", { "x-want-url": "yes" });
    expect((answer.json as { href: string }).href).toBe(`http://127.0.0.1:${port}/ofrep/v1/x?version=3`);
    expect(seen?.url).toBe(seen?.url);
    expect(seen?.url.searchParams.get("version")).toBe("3");
  });

  it("answers invalid JSON in the error shape without calling the handler", async () => {
    seen = null;
    const answer = await send("/x", '{"a":');
    expect(answer.status).toBe(400);
    expect((answer.json as { error: { code: string } }).error.code).toBe("invalid_json");
    expect(seen).toBeNull();
  });

  it("writes an answer given at once, and a handler's throw or an answer JSON cannot hold in the error shape", async () => {
    expect(await send("/at-once", '{"n":1}')).toMatchObject({ status: 201, json: { body: { n: 1 } } });
    for (const path of ["/throws", "/unwritable"]) {
      const failed = await send(path, "{}");
      expect(failed.status).toBe(500);
      expect((failed.json as { error: { code: string } }).error.code).toBe("internal");
    }
  });

  it("writes the request's log line with the answer when asked to, and only then", async () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    await send("/x", "{}");
    await send("/logged/flag?key=1", "{}");
    await new Promise((resolve) => setImmediate(resolve));
    const lines = write.mock.calls.map((call) => String(call[0])).join("").trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([{ level: "info", msg: "request", method: "POST", route: "/logged/flag", status: 200, durationMs: expect.any(Number) }]);
  });
});
