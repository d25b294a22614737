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
