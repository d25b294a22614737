/**
 * OFREP's endpoints against its own OpenAPI document (../shared/conformance/ofrep-openapi.yaml): every
 * answer here is validated with the spec's schemas, and the values are DESIGN §5's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hash } from "@/core/assignment/hash";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { FlagDefinitionsCache } from "../../../cache/flag-definitions";
import { createFlag } from "../../../services/flags/create-flag";
import { booleanFlag, colorFlag } from "../../../services/flags/flag-fixtures";
import { upsertOverride } from "../../../services/flags/upsert-override";
import { systemContext } from "../../../services/testing";
import type { ApiHandler, ApiResponse } from "../../types";
import { mintKeys, type TestKeys } from "../experiments/endpoint-test-kit";
import { ofrepBulkHandler, ofrepFlagHandler } from "./ofrep-endpoints";
import { ofrepValidators } from "./ofrep-spec";

let h: DatabaseHandle;
let keys: TestKeys;
let single: ApiHandler;
let bulk: ApiHandler;
const spec = ofrepValidators();
const NOW = new Date("2030-01-01T00:00:00Z");
let cache: FlagDefinitionsCache;

beforeAll(async () => {
  h = await createTestDatabase();
  keys = await mintKeys(h);
  const ctx = systemContext(h.db);
  await createFlag(ctx, booleanFlag("checkout"));
  await createFlag(ctx, colorFlag("theme", { rolloutPercentage: 50, targetingRules: [{ id: "fr", condition: { country: "FR" }, serve: "blue" }] }));
  await createFlag(ctx, booleanFlag("off-flag", { status: "INACTIVE" }));
  await createFlag(ctx, { key: "limits", name: "Limits", status: "ACTIVE", rolloutPercentage: 100, variants: [{ key: "low", value: 10, weight: 50 }, { key: "high", value: 2.5, weight: 50 }] });
  await upsertOverride(ctx, { flag: { key: "checkout" }, userId: "vip", value: true, expiresAt: new Date("2030-01-01T00:00:00.001Z") });
  cache = new FlagDefinitionsCache();
  const deps = { database: async () => h, cache: () => cache, now: () => NOW };
  single = ofrepFlagHandler(deps);
  bulk = ofrepBulkHandler(deps);
});
afterAll(() => h.close());

async function post(handler: ApiHandler, body: unknown, options: { key?: string | null; flag?: string; headers?: Record<string, string> } = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { host: "flags.test", ...options.headers };
  if (options.key !== null) headers.authorization = `Bearer ${options.key ?? keys.client}`;
  const path = options.flag === undefined ? "/ofrep/v1/evaluate/flags" : `/ofrep/v1/evaluate/flags/${options.flag}`;
  return handler({
    method: "POST",
    url: new URL(`http://flags.test${path}`),
    headers: { get: (name) => headers[name.toLowerCase()] ?? null },
    params: options.flag === undefined ? {} : { key: options.flag },
    body,
  });
}

const userWhere = (seed: string, test: (b: number) => boolean) => {
  for (let i = 0; ; i++) if (test(hash(seed, `u${i}`))) return `u${i}`;
};

describe("POST /ofrep/v1/evaluate/flags/{key}", () => {
  const inside = userWhere("checkout", (b) => b < 0.25);
  const outside = userWhere("checkout", (b) => b >= 0.25);

  it.each([
    { name: "a rule match", flag: "checkout", context: { targetingKey: outside, plan: "beta" }, want: { value: true, reason: "TARGETING_MATCH", variant: "on", metadata: { ruleId: "beta-testers" } } },
    { name: "inside the rollout", flag: "checkout", context: { targetingKey: inside }, want: { value: true, reason: "SPLIT", variant: "on" } },
    { name: "outside the rollout", flag: "checkout", context: { targetingKey: outside }, want: { value: false, reason: "STATIC", variant: "off", metadata: { reason: "DEFAULT" } } },
    { name: "an override before its expiry", flag: "checkout", context: { targetingKey: "vip" }, want: { value: true, reason: "TARGETING_MATCH", variant: "on", metadata: { override: true } } },
    { name: "an inactive flag", flag: "off-flag", context: { targetingKey: inside }, want: { value: false, reason: "DISABLED", variant: "off" } },
    { name: "a variant served by a rule", flag: "theme", context: { targetingKey: "x", country: "FR" }, want: { value: { hex: "#00f" }, reason: "TARGETING_MATCH", variant: "blue", metadata: { ruleId: "fr" } } },
    { name: "a multivariate flag that is off (no value)", flag: "theme", context: { targetingKey: userWhere("theme", (b) => b >= 0.5) }, want: { reason: "STATIC", metadata: { reason: "DEFAULT" } } },
    { name: "a float value", flag: "limits", context: { targetingKey: userWhere("limits/variant", (b) => b >= 0.5) }, want: { value: 2.5, variant: "high", reason: "SPLIT" } },
  ])("$name", async ({ flag, context, want }) => {
    const response = await post(single, { context }, { flag });
    expect(response.status).toBe(200);
    expect(spec.serverEvaluationSuccess(response.body)).toEqual([]);
    expect(response.body).toEqual({ key: flag, ...want });
  });

  it("applies an override until its expiry instant, then never", async () => {
    const atExpiry = ofrepFlagHandler({ database: async () => h, cache: () => cache, now: () => new Date("2030-01-01T00:00:00.001Z") });
    const body = (await post(atExpiry, { context: { targetingKey: "vip" } }, { flag: "checkout" })).body as { reason: string; metadata?: object };
    expect(body.metadata ?? {}).not.toHaveProperty("override");
    expect(body.reason).toBe(hash("checkout", "vip") < 0.25 ? "SPLIT" : "STATIC");
  });

  it.each([
    { name: "an unknown flag", flag: "nope", body: { context: { targetingKey: "u" } }, status: 404, errorCode: "FLAG_NOT_FOUND", schema: "flagNotFound" },
    { name: "a missing targetingKey", flag: "checkout", body: { context: { plan: "beta" } }, status: 400, errorCode: "TARGETING_KEY_MISSING", schema: "evaluationFailure" },
    { name: "an empty targetingKey", flag: "checkout", body: { context: { targetingKey: "" } }, status: 400, errorCode: "TARGETING_KEY_MISSING", schema: "evaluationFailure" },
    { name: "a numeric targetingKey", flag: "checkout", body: { context: { targetingKey: 7 } }, status: 400, errorCode: "INVALID_CONTEXT", schema: "evaluationFailure" },
    { name: "a context that is a list", flag: "checkout", body: { context: [] }, status: 400, errorCode: "INVALID_CONTEXT", schema: "evaluationFailure" },
    { name: "no context", flag: "checkout", body: {}, status: 400, errorCode: "INVALID_CONTEXT", schema: "evaluationFailure" },
    { name: "a body that is not an object", flag: "checkout", body: "hello", status: 400, errorCode: "PARSE_ERROR", schema: "evaluationFailure" },
  ] as const)("answers $name with $status $errorCode", async ({ flag, body, status, errorCode, schema }) => {
    const response = await post(single, body, { flag });
    expect(response.status).toBe(status);
    expect((response.body as { key: string; errorCode: string }).errorCode).toBe(errorCode);
    expect((response.body as { key: string }).key).toBe(flag);
    expect(spec[schema](response.body)).toEqual([]);
  });

  it("answers an unreadable body with PARSE_ERROR through the adapters' bodyError", () => {
    const response = single.bodyError?.({ status: 400, body: { error: { code: "invalid_json", message: "The request body is not valid JSON: x" } } }, { headers: { get: () => null }, params: { key: "checkout" } });
    expect(response).toMatchObject({ status: 400, body: { key: "checkout", errorCode: "PARSE_ERROR", errorDetails: "The request body is not valid JSON: x" } });
    expect(spec.evaluationFailure(response?.body)).toEqual([]);
  });

  it("needs an API key, and lets any origin read the answer by default", async () => {
    const response = await post(single, { context: { targetingKey: "u" } }, { flag: "checkout", key: null, headers: { origin: "https://app.example" } });
    expect(response).toMatchObject({ status: 401, body: { error: { code: "unauthenticated" } }, headers: { "access-control-allow-origin": "*" } });
    expect((await post(single, { context: { targetingKey: "u" } }, { flag: "checkout", key: "exp_client_bogus" })).status).toBe(401);
    expect((await post(single, { context: { targetingKey: "u" } }, { flag: "checkout", key: keys.server })).status).toBe(200);
  });

  it("answers GENERAL for a definition that cannot be evaluated, and a 500 in OFREP's shape when definitions cannot load", async () => {
    const broken = new FlagDefinitionsCache(async () => ({
      version: "v",
      flags: new Map([["bad", { id: "00000000-0000-4000-8000-000000000000", flag: { key: "bad", status: "ACTIVE", rolloutPercentage: 0, targetingRules: null as never, variants: null }, overrides: new Map() }]]),
    }));
    const bulkBroken = ofrepBulkHandler({ database: async () => h, cache: () => broken });
    const answer = await post(bulkBroken, { context: { targetingKey: "u" } });
    expect(answer.body).toMatchObject({ flags: [{ key: "bad", errorCode: "GENERAL" }] });
    expect(spec.bulkEvaluationSuccess(answer.body)).toEqual([]);
    const singleBroken = ofrepFlagHandler({ database: async () => h, cache: () => broken });
    const failed = await post(singleBroken, { context: { targetingKey: "u" } }, { flag: "bad" });
    expect(failed.status).toBe(500);
    expect(spec.generalErrorResponse(failed.body)).toEqual([]);
    const unloadable = new FlagDefinitionsCache(async () => Promise.reject(new Error("database down")));
    const down = await post(ofrepFlagHandler({ database: async () => h, cache: () => unloadable }), { context: { targetingKey: "u" } }, { flag: "x" });
    expect(down).toEqual({ status: 500, body: { errorDetails: "Flags could not be evaluated; try again shortly." }, headers: { "access-control-allow-origin": "*", "access-control-expose-headers": "etag, retry-after" } });
  });
});

describe("POST /ofrep/v1/evaluate/flags", () => {
  it("evaluates every flag, advertises the event stream, and answers 304 to its ETag", async () => {
    const response = await post(bulk, { context: { targetingKey: "vip", country: "FR" } });
    expect(response.status).toBe(200);
    expect(spec.bulkEvaluationSuccess(response.body)).toEqual([]);
    const body = response.body as { flags: Array<{ key: string }>; eventStreams: Array<{ type: string; url: string }>; metadata: { version: string } };
    expect(body.flags.map((f) => f.key)).toEqual(["checkout", "limits", "off-flag", "theme"]);
    expect(body.flags[0]).toEqual({ key: "checkout", value: true, reason: "TARGETING_MATCH", variant: "on", metadata: { override: true } });
    expect(body.flags[3]).toMatchObject({ key: "theme", value: { hex: "#00f" }, variant: "blue" });
    const stream = new URL(body.eventStreams[0]!.url);
    expect(body.eventStreams[0]!.type).toBe("sse");
    expect(`${stream.origin}${stream.pathname}`).toBe("http://flags.test/ofrep/v1/events");
    expect(stream.searchParams.get("key")).toBe(keys.client);
    expect(stream.searchParams.get("version")).toBe(body.metadata.version);

    const etag = response.headers?.etag ?? "";
    expect(etag).toMatch(/^".+"$/);
    expect(await post(bulk, { context: { targetingKey: "vip", country: "FR" } }, { headers: { "if-none-match": etag } })).toMatchObject({ status: 304, headers: { etag } });
    const otherUser = await post(bulk, { context: { targetingKey: "someone-else" } }, { headers: { "if-none-match": etag } });
    expect(otherUser.status).toBe(200);
    expect(otherUser.headers?.etag).not.toBe(etag);
  });

  it.each([
    { body: { context: {} }, errorCode: "TARGETING_KEY_MISSING" },
    { body: { context: "x" }, errorCode: "INVALID_CONTEXT" },
    { body: 42, errorCode: "PARSE_ERROR" },
  ])("answers $errorCode with 400 in OFREP's bulk failure shape", async ({ body, errorCode }) => {
    const response = await post(bulk, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errorCode });
    expect(spec.bulkEvaluationFailure(response.body)).toEqual([]);
  });
});
