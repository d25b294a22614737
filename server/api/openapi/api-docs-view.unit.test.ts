import { describe, expect, it } from "vitest";
import { apiDocsByTag, inlineRefs, readable } from "./api-docs-view";
import { openApiDocument } from "./openapi-document";

const document = openApiDocument();

describe("apiDocsByTag", () => {
  it("shows every operation once, under its tag", () => {
    const shown = apiDocsByTag(document).flatMap((tag) => tag.endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`));
    const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(shown.sort()).toEqual(operations.sort());
  });

  it("writes schemas out in place, and labels who may call", () => {
    const experiments = apiDocsByTag(document).find((tag) => tag.name === "Experiments");
    const get = experiments?.endpoints.find((endpoint) => endpoint.operationId === "getExperiment");
    expect(get?.auth).toEqual(["Admin key", "Session"]);
    const ok = get?.responses.find((response) => response.status === "200");
    expect(JSON.stringify(ok?.schema)).not.toContain("$ref");
    expect(ok?.schema).toMatchObject({ properties: { owner: { anyOf: [{ properties: { username: { type: "string" } } }, { type: "null" }] } } });
    expect(get?.responses.find((response) => response.status === "404")).toEqual({ status: "404", description: "Nothing with that key or id.", schema: null });
  });
});

describe("inlineRefs", () => {
  it("keeps a reference a schema makes to itself, so recursive schemas end", () => {
    const inlined = inlineRefs({ $ref: "#/components/schemas/JsonValue" }, document.components.schemas);
    expect(JSON.stringify(inlined)).toContain('"$ref":"#/components/schemas/JsonValue"');
    expect(inlined).toMatchObject({ anyOf: expect.arrayContaining([{ type: "string" }]) });
  });
});

describe("readable", () => {
  it("drops patterns behind named formats and the safe-integer bound, nothing else", () => {
    expect(readable({ type: "string", format: "uuid", pattern: "^…$" })).toEqual({ type: "string", format: "uuid" });
    expect(readable({ type: "string", pattern: "^[a-z]+$" })).toEqual({ type: "string", pattern: "^[a-z]+$" });
    expect(readable({ items: { type: "integer", minimum: 1, maximum: Number.MAX_SAFE_INTEGER } })).toEqual({ items: { type: "integer", minimum: 1 } });
  });
});
