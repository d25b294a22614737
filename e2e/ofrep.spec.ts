import { OFREPProvider } from "@openfeature/ofrep-provider";
import { OpenFeature } from "@openfeature/server-sdk";
import { expect, test } from "@playwright/test";
import { hash } from "../core/assignment/hash";
import { SEEDED_URL } from "../playwright.config";
import { seededKeys } from "./keys";
import { seededUser } from "./users";

/**
 * Flags through the production server (`npm start`'s fast path): created with the management API,
 * evaluated by OpenFeature's own server SDK and OFREP provider, changes announced on the event stream.
 */
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const userWhere = (seed: string, test: (b: number) => boolean) => {
  for (let i = 0; ; i++) if (test(hash(seed, `e2e-${i}`))) return `e2e-${i}`;
};

test("OpenFeature's SDK gets DESIGN §5's values, and the event stream announces a change within a second", async ({ request }) => {
  const keys = seededKeys();
  const created = await request.post("/api/v1/flags", {
    headers: bearer(keys.ops),
    data: {
      key: "e2e-checkout",
      name: "E2E checkout",
      status: "ACTIVE",
      rolloutPercentage: 25,
      targetingRules: [{ id: "beta", condition: { plan: "beta" }, serve: "on" }],
    },
  });
  expect(created.status()).toBe(201);
  const colors = await request.post("/api/v1/flags", {
    headers: bearer(keys.ops),
    data: { key: "e2e-color", name: "E2E color", status: "ACTIVE", rolloutPercentage: 100, variants: [{ key: "red", value: "red", weight: 30 }, { key: "blue", value: "blue", weight: 70 }] },
  });
  expect(colors.status()).toBe(201);
  const override = await request.post("/api/v1/flags/e2e-checkout/overrides", { headers: bearer(keys.ops), data: { userId: "vip", value: true, expiresAt: "2099-01-01T00:00:00Z" } });
  expect(override.status()).toBe(201);

  await OpenFeature.setProviderAndWait(new OFREPProvider({ baseUrl: SEEDED_URL, headers: [["Authorization", `Bearer ${keys.backend}`]] }));
  const client = OpenFeature.getClient();
  try {
    const inside = userWhere("e2e-checkout", (b) => b < 0.25);
    const outside = userWhere("e2e-checkout", (b) => b >= 0.25);
    expect(await client.getBooleanDetails("e2e-checkout", false, { targetingKey: outside, plan: "beta" })).toMatchObject({ value: true, reason: "TARGETING_MATCH" });
    expect(await client.getBooleanDetails("e2e-checkout", false, { targetingKey: inside })).toMatchObject({ value: true, reason: "SPLIT" });
    expect(await client.getBooleanDetails("e2e-checkout", true, { targetingKey: outside })).toMatchObject({ value: false, flagMetadata: { reason: "DEFAULT" } });
    expect(await client.getBooleanDetails("e2e-checkout", false, { targetingKey: "vip" })).toMatchObject({ value: true, flagMetadata: { override: true } });
    const red = userWhere("e2e-color/variant", (b) => b < 0.3);
    expect(await client.getStringDetails("e2e-color", "none", { targetingKey: red })).toMatchObject({ value: "red", variant: "red", reason: "SPLIT" });
    expect(await client.getBooleanDetails("e2e-missing", true, { targetingKey: "u" })).toMatchObject({ value: true, errorCode: "FLAG_NOT_FOUND" });
  } finally {
    await OpenFeature.close();
  }

  const bulk = await request.post("/ofrep/v1/evaluate/flags", { headers: bearer(keys.web), data: { context: { targetingKey: "u1" } } });
  expect(bulk.status()).toBe(200);
  expect(bulk.headers()["content-type"]).toBe("application/json; charset=utf-8");
  const etag = bulk.headers().etag ?? "";
  const answer = (await bulk.json()) as { eventStreams: Array<{ type: string; url: string }> };
  const notModified = await request.post("/ofrep/v1/evaluate/flags", { headers: { ...bearer(keys.web), "if-none-match": etag }, data: { context: { targetingKey: "u1" } } });
  expect(notModified.status()).toBe(304);

  const controller = new AbortController();
  const stream = await fetch(answer.eventStreams[0]!.url, { signal: controller.signal });
  expect(stream.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
  const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = (await reader.read()).value ?? "";
  expect(text).toContain(": connected");
  const changedAt = Date.now();
  const patched = await request.patch("/api/v1/flags/e2e-checkout", { headers: bearer(keys.ops), data: { rolloutPercentage: 60 } });
  expect(patched.status()).toBe(200);
  while (!/data: .*refetchEvaluation/.test(text)) {
    const left = 1_000 - (Date.now() - changedAt);
    expect(left, `no refetchEvaluation within a second; got ${text}`).toBeGreaterThan(0);
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
    if (chunk?.value) text += chunk.value;
  }
  controller.abort();
});

test("OFREP errors on the production server: no key, malformed JSON, no targetingKey, unknown flag, oversized body; CORS preflight", async ({ request }) => {
  const keys = seededKeys();
  const noKey = await request.post("/ofrep/v1/evaluate/flags/anything", { data: { context: { targetingKey: "u" } } });
  expect(noKey.status()).toBe(401);
  const malformed = await request.post("/ofrep/v1/evaluate/flags/anything", { headers: { ...bearer(keys.web), "content-type": "application/json" }, data: Buffer.from("{nope") });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ key: "anything", errorCode: "PARSE_ERROR" });
  const noTarget = await request.post("/ofrep/v1/evaluate/flags/anything", { headers: bearer(keys.web), data: { context: {} } });
  expect(await noTarget.json()).toMatchObject({ errorCode: "TARGETING_KEY_MISSING" });
  const unknown = await request.post("/ofrep/v1/evaluate/flags/e2e-nothing", { headers: bearer(keys.web), data: { context: { targetingKey: "u" } } });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ key: "e2e-nothing", errorCode: "FLAG_NOT_FOUND" });
  const huge = await request.post("/ofrep/v1/evaluate/flags", { headers: bearer(keys.web), data: { context: { targetingKey: "u", blob: "x".repeat(1_100_000) } } });
  expect(huge.status()).toBe(413);
  expect(await huge.json()).toMatchObject({ errorCode: "PARSE_ERROR" });

  const preflight = await request.fetch("/ofrep/v1/evaluate/flags", {
    method: "OPTIONS",
    headers: { origin: "https://shop.example", "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
  expect(preflight.headers()["access-control-allow-headers"]).toContain("authorization");
});

test("the API reference page documents the flag endpoints, at desktop and phone widths", async ({ page }) => {
  const user = seededUser("pmanager");
  await page.goto("/sign-in");
  await page.getByLabel("Username or email").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/experiments$/);
  for (const [width, name] of [
    [1440, "api-docs-flags-1440"],
    [390, "api-docs-flags-390"],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/api-docs#createFlag");
    await expect(page.getByRole("heading", { name: "Create a feature flag" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "OFREP: evaluate one flag" })).toBeVisible();
    await page.locator("#createFlag").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `e2e/.artifacts/${name}.png` });
  }
});
