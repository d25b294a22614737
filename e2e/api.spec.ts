import { expect, test } from "@playwright/test";
import { seededKeys } from "./keys";

/**
 * The SDK endpoints through the production server (our node:http fast path), and every endpoint
 * tried without credentials and with too-weak ones (STYLE.md: the "unauthorized API access" suite).
 */
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

test("the assignment API answers on the fast path with a client key, in the API's error shape without one", async ({ request }) => {
  const keys = seededKeys();
  const ok = await request.post("/api/v1/assignments", { headers: bearer(keys.web), data: { userId: "u1", experiments: ["not-running"] } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({
    assignments: [{ experiment: "not-running", inExperiment: false, variant: null, variantId: null, configuration: null, url: null, reason: "NOT_ACTIVE" }],
  });

  const missing = await request.post("/api/v1/assignments", { data: { userId: "u1" } });
  expect(missing.status()).toBe(401);
  expect((await missing.json()).error.code).toBe("unauthenticated");

  const wrong = await request.post("/api/v1/assignments", { headers: bearer("exp_client_not-a-real-key"), data: { userId: "u1" } });
  expect(wrong.status()).toBe(401);

  const invalid = await request.post("/api/v1/assignments", { headers: bearer(keys.web), data: { context: "nope" } });
  expect(invalid.status()).toBe(422);
  const body = await invalid.json();
  expect(Object.keys(body.error.details.fields).sort()).toEqual(["context", "userId"]);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);

  const malformed = await request.post("/api/v1/assignments", { headers: { ...bearer(keys.web), "content-type": "application/json" }, data: Buffer.from("{not json") });
  expect(malformed.status()).toBe(400);
});

test("the split-URL redirect needs a key", async ({ request }) => {
  const response = await request.get("/r/anything?userId=u1", { maxRedirects: 0 });
  expect(response.status()).toBe(401);
  const unknown = await request.get(`/r/anything?userId=u1&key=${seededKeys().web}`, { maxRedirects: 0 });
  expect(unknown.status()).toBe(404);
});

test("through the API: 1,000 users split about 50/50, identically on a second call, targeting excludes, a viewer changes nothing", async ({ request }) => {
  test.setTimeout(180_000);
  const keys = seededKeys();
  const experiment = {
    key: "api-checkout",
    name: "API checkout test",
    experimentType: "A_B",
    targetingRules: { country: { $in: ["US", "CA"] } },
    variants: [
      { name: "control", isControl: true, trafficAllocation: 50 },
      { name: "treatment", isControl: false, trafficAllocation: 50, configuration: { color: "green" } },
    ],
    metricDefinitions: [{ name: "Purchases", eventName: "purchase", metricType: "CONVERSION", isPrimary: true }],
  };

  // A viewer-role admin key can read but not create, change, start or delete.
  const viewer = bearer(keys["readonly-ops"]);
  expect((await request.post("/api/v1/experiments", { headers: viewer, data: experiment })).status()).toBe(403);
  const created = await request.post("/api/v1/experiments", { headers: bearer(keys.ops), data: experiment });
  expect(created.status()).toBe(201);
  expect((await request.get("/api/v1/experiments/api-checkout", { headers: viewer })).status()).toBe(200);
  expect((await request.patch("/api/v1/experiments/api-checkout", { headers: viewer, data: { name: "Renamed" } })).status()).toBe(403);
  expect((await request.post("/api/v1/experiments/api-checkout/status", { headers: viewer, data: { status: "ACTIVE" } })).status()).toBe(403);
  expect((await request.delete("/api/v1/experiments/api-checkout", { headers: viewer })).status()).toBe(403);
  // Client keys never reach management endpoints.
  expect((await request.get("/api/v1/experiments", { headers: bearer(keys.web) })).status()).toBe(403);
  expect((await request.post("/api/v1/experiments/api-checkout/status", { headers: bearer(keys.ops), data: { status: "ACTIVE" } })).status()).toBe(200);

  const assign = async (userId: string, country: string) => {
    const response = await request.post("/api/v1/assignments", { headers: bearer(keys.web), data: { userId, context: { country }, experiments: ["api-checkout"] } });
    expect(response.status()).toBe(200);
    return (await response.json()).assignments[0] as { inExperiment: boolean; variant: string | null; reason: string };
  };
  const first: Array<string | null> = [];
  for (let i = 0; i < 1000; i++) first.push((await assign(`api-user-${i}`, "US")).variant);
  const treatment = first.filter((v) => v === "treatment").length;
  expect(first.every((v) => v === "control" || v === "treatment")).toBe(true);
  // Binomial(1000, 0.5): sd 15.8, so ±3 sd is ±47.
  expect(Math.abs(treatment - 500)).toBeLessThanOrEqual(47);
  for (let i = 0; i < 1000; i++) expect((await assign(`api-user-${i}`, "US")).variant).toBe(first[i]);
  for (let i = 0; i < 50; i++) expect(await assign(`api-fr-${i}`, "FR")).toMatchObject({ inExperiment: false, variant: null, reason: "TARGETING_MISS" });
  console.log(`api-checkout: treatment ${treatment} / 1000`);
});
