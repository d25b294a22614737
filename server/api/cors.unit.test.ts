import { describe, expect, it } from "vitest";
import { corsHeaders, corsPolicyFrom, corsPreflight, withCors } from "./cors";
import type { ApiRequest } from "./types";

const request = (origin: string | null): ApiRequest => ({
  method: "POST",
  url: new URL("http://localhost/ofrep/v1/evaluate/flags"),
  headers: { get: (name) => (name === "origin" ? origin : null) },
  params: {},
  body: undefined,
});

describe("CORS for the SDK endpoints", () => {
  it.each([
    { value: undefined, origins: null },
    { value: "", origins: null },
    { value: "*", origins: null },
    { value: "https://a.example, https://b.example/", origins: ["https://a.example", "https://b.example"] },
  ])("CORS_ORIGINS=$value", ({ value, origins }) => {
    const policy = corsPolicyFrom(value);
    expect(policy.origins === null ? null : [...policy.origins]).toEqual(origins);
  });

  it("lets a listed origin read answers, names it, and varies on Origin; others get no allow header", () => {
    const policy = corsPolicyFrom("https://a.example");
    expect(corsHeaders("https://a.example", policy)).toEqual({ "access-control-allow-origin": "https://a.example", "access-control-expose-headers": "etag, retry-after", vary: "Origin" });
    expect(corsHeaders("https://evil.example", policy)).toEqual({ vary: "Origin" });
    expect(corsHeaders(null, policy)).toEqual({ vary: "Origin" });
  });

  it("answers preflights with the methods and headers SDKs send, only for allowed origins", async () => {
    const policy = () => corsPolicyFrom("https://a.example");
    const allowed = await corsPreflight(policy)(request("https://a.example"));
    expect(allowed.status).toBe(204);
    expect(allowed.headers).toMatchObject({ "access-control-allow-methods": "GET, POST, OPTIONS", "access-control-max-age": "600" });
    expect(allowed.headers?.["access-control-allow-headers"]).toContain("if-none-match");
    const refused = await corsPreflight(policy)(request("https://evil.example"));
    expect(refused).toEqual({ status: 204, headers: { vary: "Origin" } });
  });

  it("adds the headers to answers and to refused bodies, keeping the handler's own bodyError", async () => {
    const inner = Object.assign(async () => ({ status: 401, body: { error: "x" } }), {
      bodyError: () => ({ status: 400, body: { errorCode: "PARSE_ERROR" } }),
    });
    const wrapped = withCors(inner, () => corsPolicyFrom(undefined));
    expect((await wrapped(request("https://any.example"))).headers).toMatchObject({ "access-control-allow-origin": "*" });
    expect(wrapped.bodyError?.({ status: 400, body: {} }, request("https://any.example"))).toMatchObject({
      body: { errorCode: "PARSE_ERROR" },
      headers: { "access-control-allow-origin": "*" },
    });
  });
});
