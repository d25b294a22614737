/**
 * Every experiment endpoint, tried without credentials and with too-weak ones (STYLE.md, "Tests"). Each
 * request would succeed for an admin, so a refusal here is about who asks, not what they sent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { readyExperiment } from "../../../services/experiments/experiment-fixtures";
import { createExperimentEndpoint } from "./create-experiment";
import { type CallOptions, type TestKeys, call, mintKeys, writtenRows } from "./endpoint-test-kit";
import { experimentEndpoints } from "./experiment-endpoints";
import { experimentJsonSchema } from "./experiment-json";
import type { ManagementEndpoint } from "./management-endpoint";

let h: DatabaseHandle;
let keys: TestKeys;
let requests: Record<string, Omit<CallOptions, "key" | "session">>;

beforeAll(async () => {
  h = await createTestDatabase();
  keys = await mintKeys(h);
  const created = await call(h, createExperimentEndpoint, { key: keys.admin, body: readyExperiment("guarded") });
  const experiment = experimentJsonSchema.parse(created.body);
  const key = { key: "guarded" };
  const variant = { ...key, variantId: experiment.variants[1]!.id };
  const metric = { ...key, metricId: experiment.metricDefinitions[0]!.id };
  await call(h, createExperimentEndpoint, { key: keys.admin, body: readyExperiment("guarded-bandit", { experimentType: "BANDIT" }) });
  const bandit = { key: "guarded-bandit" };
  requests = {
    listExperiments: {},
    createExperiment: { body: readyExperiment("another") },
    getExperiment: { params: key },
    updateExperiment: { params: key, body: { name: "Renamed" } },
    deleteExperiment: { params: key },
    changeExperimentStatus: { params: key, body: { status: "ACTIVE" } },
    listVariants: { params: key },
    addVariant: { params: key, body: { name: "extra", trafficAllocation: 0 } },
    updateVariant: { params: variant, body: { name: "renamed" } },
    removeVariant: { params: variant },
    listMetrics: { params: key },
    addMetric: { params: key, body: { name: "Clicks", eventName: "click", metricType: "COUNT" } },
    updateMetric: { params: metric, body: { name: "Renamed" } },
    removeMetric: { params: metric },
    reweightBandit: { params: key },
    getExperimentResults: { params: key },
    getBandit: { params: bandit },
    updateBanditSettings: { params: bandit, body: { intervalMinutes: 30, floorPercent: 10, burnInUsers: 50 } },
  };
});
afterAll(() => h.close());

function requestFor(endpoint: ManagementEndpoint): Omit<CallOptions, "key" | "session"> {
  const request = requests[endpoint.doc.operationId];
  if (!request) throw new Error(`No request for ${endpoint.doc.operationId}: add one to this test.`);
  return request;
}

const name = (endpoint: ManagementEndpoint) => `${endpoint.doc.method} ${endpoint.doc.path}`;
const reads = experimentEndpoints.filter((endpoint) => endpoint.doc.method === "GET");
const writes = experimentEndpoints.filter((endpoint) => endpoint.doc.method !== "GET");

describe("experiment endpoints refuse callers who may not use them", () => {
  it("has a request for every endpoint", () => {
    expect(Object.keys(requests).sort()).toEqual(experimentEndpoints.map((endpoint) => endpoint.doc.operationId).sort());
  });

  it.each(experimentEndpoints.map((endpoint) => [name(endpoint), endpoint] as const))("%s: 401 without a key or session", async (_, endpoint) => {
    expect(await call(h, endpoint, requestFor(endpoint))).toEqual({
      status: 401,
      body: { error: { code: "unauthenticated", message: "Sign in, or send an admin API key as `Authorization: Bearer <key>`." } },
    });
    expect(await call(h, endpoint, { ...requestFor(endpoint), key: "exp_admin_not-a-real-key" })).toMatchObject({
      status: 401,
      body: { error: { code: "unauthenticated" } },
    });
  });

  it.each(experimentEndpoints.map((endpoint) => [name(endpoint), endpoint] as const))("%s: 403 for client and server keys", async (_, endpoint) => {
    for (const [type, key] of [
      ["client", keys.client],
      ["server", keys.server],
    ] as const) {
      expect(await call(h, endpoint, { ...requestFor(endpoint), key })).toEqual({
        status: 403,
        body: { error: { code: "forbidden", message: `This endpoint needs an admin key; this is a ${type} key.` } },
      });
    }
  });

  it.each(reads.map((endpoint) => [name(endpoint), endpoint] as const))("%s: 200 for an admin key with the viewer role", async (_, endpoint) => {
    expect((await call(h, endpoint, { ...requestFor(endpoint), key: keys.viewer })).status).toBe(200);
  });

  it.each(writes.map((endpoint) => [name(endpoint), endpoint] as const))("%s: 403 for the viewer role, writing nothing", async (_, endpoint) => {
    const before = await writtenRows(h);
    const response = await call(h, endpoint, { ...requestFor(endpoint), key: keys.viewer });
    expect(response).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect(await writtenRows(h)).toEqual(before);
  });
});
