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
