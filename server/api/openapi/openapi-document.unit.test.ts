import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import type { AssignmentAnswer } from "../../services/assignments/assign-user";
import { buildOpenApiDocument } from "./build-document";
import type { EndpointDoc } from "./endpoint-doc";
import { openApiDocument } from "./openapi-document";
import { assignmentAnswerSchema } from "./sdk-endpoints";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const document = openApiDocument();
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/** Operations anyone may call, each for a stated reason. */
const PUBLIC = new Set(["getOpenApiDocument"]);

const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
);

/** Every route file under `folder`, as the OpenAPI path it serves and the methods it exports. */
function routeFiles(folder: string): { file: string; path: string; methods: string[] }[] {
  const found: { file: string; path: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      // A catch-all (app/api/v1/[...path]) answers paths that have no endpoint: it is not one to document.
      else if (/^route\.(ts|tsx|js)$/.test(entry.name) && !/\[\.\.\./.test(relative(root, dir))) {
        const segments = relative(join(root, "app"), dir)
          .split(sep)
          .filter((segment) => !/^\(.*\)$/.test(segment))
          .map((segment) => segment.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}"));
        const source = readFileSync(full, "utf8");
        const methods = METHODS.filter((method) => new RegExp(`export\\s+(?:const|(?:async\\s+)?function)\\s+${method}\\b`).test(source));
        found.push({ file: relative(root, full), path: `/${segments.join("/")}`, methods });
      }
    }
  };
  if (existsSync(folder)) walk(folder);
  return found;
}

/** Resolves a local JSON pointer (`#/components/schemas/Experiment`) in the document. */
function resolve(pointer: string): unknown {
  let node: unknown = document;
  for (const raw of pointer.replace(/^#\//, "").split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (!node || typeof node !== "object" || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, found));
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string") found.push(child);
      else refsIn(child, found);
    }
  }
  return found;
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with operations", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info.title).toBeTruthy();
    expect(operations.length).toBeGreaterThan(15);
  });

  it("gives every operation a success response and the error responses it declares", () => {
    for (const { path, method, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      expect(statuses.some((status) => /^[23]\d\d$/.test(status)), `${method} ${path}`).toBe(true);
      for (const status of statuses.filter((s) => /^[45]/.test(s))) {
        expect(operation.responses[status], `${method} ${path} ${status}`).toEqual({ $ref: expect.stringMatching(/^#\/components\/responses\//) });
      }
    }
  });

  it("says who may call every operation, with schemes it defines", () => {
    for (const { path, method, operation } of operations) {
      expect(Array.isArray(operation.security), `${method} ${path}`).toBe(true);
      if (!PUBLIC.has(operation.operationId)) expect(operation.security.length, `${method} ${path} has no security`).toBeGreaterThan(0);
      for (const requirement of operation.security) {
        for (const scheme of Object.keys(requirement)) expect(document.components.securitySchemes).toHaveProperty(scheme);
      }
    }
  });

  it("resolves every $ref", () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of new Set(refs)) expect(resolve(ref), ref).toBeDefined();
  });

  it("declares each path parameter, and each tag it uses", () => {
    const tags = new Set(document.tags.map((tag) => tag.name));
    for (const { path, method, operation } of operations) {
      const placeholders = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
      const declared = (operation.parameters ?? []).filter((param) => param.in === "path").map((param) => param.name).sort();
      expect(declared, `${method} ${path}`).toEqual(placeholders);
      for (const tag of operation.tags) expect(tags.has(tag), `${method} ${path}: tag ${tag}`).toBe(true);
    }
    expect(new Set(operations.map((entry) => entry.operation.operationId)).size).toBe(operations.length);
  });

  it("documents every route under app/api/v1, app/r and app/ofrep, and only routes that exist", () => {
    const routes = [...routeFiles(join(root, "app/api/v1")), ...routeFiles(join(root, "app/r")), ...routeFiles(join(root, "app/ofrep"))];
    expect(routes.length).toBeGreaterThan(8);
    const served = routes.flatMap((route) => route.methods.map((method) => `${method} ${route.path}`)).sort();
    const documented = operations.map(({ path, method }) => `${method} ${path}`).sort();
    for (const route of routes) expect(route.methods.length, `${route.file} exports no handler`).toBeGreaterThan(0);
    expect(documented).toEqual(served);
  });

  it("describes answers the assignment service gives", () => {
    expectTypeOf<AssignmentAnswer>().toExtend<z.output<typeof assignmentAnswerSchema>>();
    expect(document.paths["/api/v1/assignments"]?.post?.security).toEqual([{ clientKey: [] }, { serverKey: [] }, { adminKey: [] }]);
  });

  it("documents date inputs as ISO-8601 strings, the only form JSON can carry", () => {
    const startDate = JSON.stringify((document.components.schemas.NewExperiment?.properties as Record<string, unknown>).startDate);
    expect(startDate).toContain('"format":"date-time"');
    expect(startDate).not.toContain("{}");
  });
});

describe("buildOpenApiDocument", () => {
  const endpoint: EndpointDoc = {
    operationId: "getThing",
    method: "GET",
    path: "/things/{id}",
    summary: "A thing",
    tags: [],
    security: ["adminKey"],
    responses: { 200: { description: "It." } },
    errors: [],
  };
  const build = (endpoints: EndpointDoc[]) => buildOpenApiDocument({ info: { title: "t", version: "1", description: "d" }, tags: [], endpoints });

  it("refuses a path placeholder without a declared parameter", () => {
    expect(() => build([endpoint])).toThrow("/things/{id} has parameters [id] but its doc declares []");
    expect(() => build([{ ...endpoint, pathParams: z.object({ id: z.string() }) }])).not.toThrow();
  });

  it("refuses two schemas under one name, and an operation documented twice", () => {
    const withBody = (schema: z.ZodType): EndpointDoc => ({ ...endpoint, path: "/things", operationId: `op${Math.random()}`, body: { name: "Thing", schema } });
    expect(() => build([withBody(z.object({ a: z.string() })), { ...withBody(z.object({ b: z.string() })), method: "POST" }])).toThrow('both named "Thing"');
    expect(() => build([{ ...endpoint, path: "/x" }, { ...endpoint, path: "/x", operationId: "other" }])).toThrow("GET /x is documented twice");
  });
});
