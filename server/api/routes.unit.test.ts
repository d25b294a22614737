import { describe, expect, it } from "vitest";
import { matchFastRoute } from "./routes";

const request = (path: string) => ({ method: "GET", url: new URL(`http://localhost${path}`), headers: { get: () => null }, params: {}, body: undefined });

describe("matchFastRoute", () => {
  it("routes the SDK flag endpoints and their preflights", () => {
    expect(matchFastRoute("POST", "/ofrep/v1/evaluate/flags/new%20checkout")?.params).toEqual({ key: "new checkout" });
    expect(matchFastRoute("POST", "/ofrep/v1/evaluate/flags")?.params).toEqual({});
    expect(matchFastRoute("GET", "/ofrep/v1/events")).not.toBeNull();
    expect(matchFastRoute("POST", "/api/v1/flags/evaluate")).not.toBeNull();
    expect(matchFastRoute("GET", "/api/v1/sdk/config")).not.toBeNull();
    for (const path of ["/ofrep/v1/evaluate/flags", "/ofrep/v1/evaluate/flags/k", "/ofrep/v1/events", "/api/v1/flags/evaluate"]) {
      expect(matchFastRoute("OPTIONS", path), path).not.toBeNull();
    }
    expect(matchFastRoute("GET", "/api/v1/flags/evaluate")).toBeNull();
    expect(matchFastRoute("POST", "/api/v1/flags")).toBeNull();
  });

  it("decodes percent-encoded path parameters", () => {
    expect(matchFastRoute("GET", "/r/caf%C3%A9")?.params).toEqual({ experimentKey: "café" });
    expect(matchFastRoute("POST", "/api/v1/assignments")?.params).toEqual({});
    expect(matchFastRoute("GET", "/api/v1/assignments")).toBeNull();
  });

  it("answers malformed percent-encoding with 400 in the error shape instead of throwing", async () => {
    // Before: decodeURIComponent threw a URIError inside the request listener.
    const match = matchFastRoute("GET", "/r/%E0");
    expect(match).not.toBeNull();
    expect(await match!.route.handler(request("/r/%E0"))).toEqual({
      status: 400,
      body: { error: { code: "bad_request", message: "The URL's percent-encoding is malformed." } },
    });
  });
});
