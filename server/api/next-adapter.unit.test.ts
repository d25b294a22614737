import { describe, expect, it } from "vitest";
import { nextRoute } from "./next-adapter";

const echo = nextRoute(async (request) => ({ status: 200, body: { params: request.params, body: request.body } }));

describe("nextRoute", () => {
  it("serves a route without dynamic segments, for which Next passes no params", async () => {
    const response = await echo(new Request("http://localhost/api/v1/x", { method: "POST", body: '{"a":1}' }), { params: undefined });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ params: {}, body: { a: 1 } });
    expect((await echo(new Request("http://localhost/api/v1/x"))).status).toBe(200);
  });

  it("passes dynamic segments, joining catch-all ones", async () => {
    const response = await echo(new Request("http://localhost/api/v1/x/k"), { params: Promise.resolve({ key: "k", rest: ["a", "b"] }) });
    expect(await response.json()).toEqual({ params: { key: "k", rest: "a/b" } });
  });

  it("answers malformed JSON with 400 in the error shape", async () => {
    const response = await echo(new Request("http://localhost/api/v1/x", { method: "POST", body: "{nope" }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_json");
  });
});

describe("nextRoute: streams and bodyError", () => {
  it("streams a response's chunks until the client goes away, then tells the stream", async () => {
    let closed: AbortSignal | null = null;
    const route = nextRoute(async () => ({
      status: 200,
      headers: { "content-type": "text/event-stream; charset=utf-8" },
      stream: {
        open(send, signal) {
          closed = signal;
          send("data: one\n\n");
          setTimeout(() => send("data: two\n\n"), 5);
        },
      },
    }));
    const response = await route(new Request("http://localhost/api/v1/x"));
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    while (!text.includes("two")) text += (await reader.read()).value ?? "";
    expect(text).toBe("data: one\n\ndata: two\n\n");
    await reader.cancel();
    expect((closed as AbortSignal | null)?.aborted).toBe(true);
  });

  it("lets a handler answer an unreadable body in its own shape, with the route's params", async () => {
    const handler = Object.assign(async () => ({ status: 200 }), {
      bodyError: (_response: unknown, request: { params: Record<string, string> }) => ({ status: 400, body: { key: request.params.key, errorCode: "PARSE_ERROR" } }),
    });
    const response = await nextRoute(handler)(new Request("http://localhost/x", { method: "POST", body: "{nope" }), { params: Promise.resolve({ key: "k" }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ key: "k", errorCode: "PARSE_ERROR" });
  });
});
