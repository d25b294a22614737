/**
 * Every flag management endpoint, tried without credentials and with too-weak ones (STYLE.md, "Tests").
 * Each request would succeed for an admin, so a refusal here is about who asks, not what they sent.
 */
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, featureFlagOverrides, featureFlags } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { booleanFlag } from "../../../services/flags/flag-fixtures";
import { type CallOptions, type TestKeys, call, mintKeys } from "../experiments/endpoint-test-kit";
import type { ManagementEndpoint } from "../experiments/management-endpoint";
import { createFlagEndpoint, flagEndpoints } from "./flag-endpoints";
import { overrideEndpoints, upsertOverrideEndpoint } from "./override-endpoints";

let h: DatabaseHandle;
let keys: TestKeys;
const endpoints: readonly ManagementEndpoint[] = [...flagEndpoints, ...overrideEndpoints];
const key = { key: "guarded" };
const requests: Record<string, Omit<CallOptions, "key" | "session">> = {
  listFlags: {},
  createFlag: { body: booleanFlag("another") },
  getFlag: { params: key },
  updateFlag: { params: key, body: { name: "Renamed" } },
  deleteFlag: { params: key },
  changeFlagStatus: { params: key, body: { status: "INACTIVE" } },
  listFlagOverrides: { params: key },
  upsertFlagOverride: { params: key, body: { userId: "bob", value: true } },
  removeFlagOverride: { params: { ...key, userId: "alice" } },
};

async function writtenRows() {
  const entries = await Promise.all(
    Object.entries({ featureFlags, featureFlagOverrides, auditLog }).map(async ([name, table]) => [name, (await h.db.select({ n: count() }).from(table))[0]?.n] as const),
  );
  return Object.fromEntries(entries);
}

beforeAll(async () => {
  h = await createTestDatabase();
  keys = await mintKeys(h);
  expect((await call(h, createFlagEndpoint, { key: keys.admin, body: booleanFlag("guarded") })).status).toBe(201);
  expect((await call(h, upsertOverrideEndpoint, { key: keys.admin, params: key, body: { userId: "alice", value: true } })).status).toBe(201);
});
afterAll(() => h.close());

function requestFor(endpoint: ManagementEndpoint) {
  const request = requests[endpoint.doc.operationId];
  if (!request) throw new Error(`No request for ${endpoint.doc.operationId}: add one to this test.`);
  return request;
}
const name = (endpoint: ManagementEndpoint) => `${endpoint.doc.method} ${endpoint.doc.path}`;
const reads = endpoints.filter((endpoint) => endpoint.doc.method === "GET");
// Deleting the flag goes last, so the writes before it find it.
const writes = endpoints.filter((endpoint) => endpoint.doc.method !== "GET").sort((a, b) => Number(a.doc.operationId === "deleteFlag") - Number(b.doc.operationId === "deleteFlag"));

describe("flag endpoints refuse callers who may not use them", () => {
  it("has a request for every endpoint", () => {
    expect(Object.keys(requests).sort()).toEqual(endpoints.map((endpoint) => endpoint.doc.operationId).sort());
  });

  it.each(endpoints.map((endpoint) => [name(endpoint), endpoint] as const))("%s: 401 without a key or session, or with a made-up key", async (_, endpoint) => {
    expect(await call(h, endpoint, requestFor(endpoint))).toMatchObject({ status: 401, body: { error: { code: "unauthenticated" } } });
    expect(await call(h, endpoint, { ...requestFor(endpoint), key: "exp_admin_not-a-real-key" })).toMatchObject({ status: 401, body: { error: { code: "unauthenticated" } } });
  });

  it.each(endpoints.map((endpoint) => [name(endpoint), endpoint] as const))("%s: 403 for client and server keys", async (_, endpoint) => {
    for (const [type, apiKey] of [
      ["client", keys.client],
      ["server", keys.server],
    ] as const) {
      expect(await call(h, endpoint, { ...requestFor(endpoint), key: apiKey })).toEqual({
        status: 403,
        body: { error: { code: "forbidden", message: `This endpoint needs an admin key; this is a ${type} key.` } },
      });
    }
  });

  it.each(reads.map((endpoint) => [name(endpoint), endpoint] as const))("%s: 200 for an admin key with the viewer role", async (_, endpoint) => {
    expect((await call(h, endpoint, { ...requestFor(endpoint), key: keys.viewer })).status).toBe(200);
  });

  it.each(writes.map((endpoint) => [name(endpoint), endpoint] as const))("%s: 403 for the viewer role, writing nothing", async (_, endpoint) => {
    const before = await writtenRows();
    expect(await call(h, endpoint, { ...requestFor(endpoint), key: keys.viewer })).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect(await writtenRows()).toEqual(before);
  });

  it.each(writes.map((endpoint) => [name(endpoint), endpoint] as const))("%s: succeeds for an admin key with the admin role", async (_, endpoint) => {
    const status = (await call(h, endpoint, { ...requestFor(endpoint), key: keys.admin })).status;
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(300);
  });
});
