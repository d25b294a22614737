import { describe, expect, it } from "vitest";
import { matchFastRoute } from "./routes";

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

  it("keeps a malformed percent-encoding raw instead of throwing", () => {
    expect(matchFastRoute("POST", "/ofrep/v1/evaluate/flags/%E0%A4%A")?.params).toEqual({ key: "%E0%A4%A" });
  });
});
