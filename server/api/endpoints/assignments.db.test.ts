import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assignments } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { createApiKey } from "../../services/api-keys/create-api-key";
import { changeExperimentStatus } from "../../services/experiments/change-experiment-status";
import { createExperiment } from "../../services/experiments/create-experiment";
import { readyExperiment } from "../../services/experiments/experiment-fixtures";
import { systemContext } from "../../services/testing";
import { serveFromNode } from "../node-adapter";
import type { ApiRequest, ApiResponse } from "../types";
import { assignmentsHandler, redirectHandler } from "./assignments";

let h: DatabaseHandle;
let key: string;
let serverKey: string;
let adminKey: string;
const database = async () => h;
const assign = assignmentsHandler(database);
const redirect = redirectHandler(database);

beforeAll(async () => {
  h = await createTestDatabase();
  const ctx = systemContext(h.db);
  key = (await createApiKey(ctx, { name: "web", type: "client" })).key;
  serverKey = (await createApiKey(ctx, { name: "backend", type: "server" })).key;
  adminKey = (await createApiKey(ctx, { name: "ops", type: "admin", role: "viewer" })).key;
  await createExperiment(ctx, readyExperiment("checkout", { targetingRules: { country: { $in: ["US", "CA"] } } }));
  await changeExperimentStatus(ctx, { experiment: { key: "checkout" }, status: "ACTIVE" });
  await createExperiment(
    ctx,
    readyExperiment("landing", {
      experimentType: "SPLIT_URL",
      variants: [
        { name: "original", isControl: true, trafficAllocation: 10, configuration: { url: "https://example.com/" } },
        { name: "new", trafficAllocation: 10, configuration: { url: "https://example.com/new" } },
      ],
    }),
  );
  await changeExperimentStatus(ctx, { experiment: { key: "landing" }, status: "ACTIVE" });
  await createExperiment(
    ctx,
    readyExperiment("landing-us", {
      experimentType: "SPLIT_URL",
      targetingRules: { country: "US", plan: { $in: ["pro", "team"] } },
      variants: [
        { name: "original", isControl: true, trafficAllocation: 50, configuration: { url: "https://example.com/" } },
        { name: "new", trafficAllocation: 50, configuration: { url: "https://example.com/new" } },
      ],
    }),
  );
  await changeExperimentStatus(ctx, { experiment: { key: "landing-us" }, status: "ACTIVE" });
});
afterAll(() => h.close());

function post(body: unknown, headers: Record<string, string> = { authorization: `Bearer ${key}` }): ApiRequest {
  return { method: "POST", url: new URL("http://localhost/api/v1/assignments"), headers: { get: (n) => headers[n.toLowerCase()] ?? null }, params: {}, body };
}

function get(path: string, params: Record<string, string>, headers: Record<string, string> = {}): ApiRequest {
  return { method: "GET", url: new URL(`http://localhost${path}`), headers: { get: (n) => headers[n.toLowerCase()] ?? null }, params, body: undefined };
}

type Answer = { experiment: string; inExperiment: boolean; variant: string | null; reason: string; url: string | null };
async function assignmentsOf(body: unknown): Promise<Answer[]> {
  const response = await assign(post(body));
  expect(response.status).toBe(200);
  return (response.body as { assignments: Answer[] }).assignments;
}

describe("POST /api/v1/assignments", () => {
  it("splits 1,000 targeted users about 50/50, and gives each the same variant on a second call", async () => {
    const first = new Map<string, string | null>();
    for (let i = 0; i < 1000; i++) {
      const [answer] = await assignmentsOf({ userId: `user-${i}`, context: { country: "US" }, experiments: ["checkout"] });
      expect(answer?.inExperiment).toBe(true);
      first.set(`user-${i}`, answer?.variant ?? null);
    }
    const treatment = [...first.values()].filter((v) => v === "treatment").length;
    // Binomial(1000, 0.5): sd = 15.8; ±3 sd = ±47.
    expect(Math.abs(treatment - 500)).toBeLessThanOrEqual(47);
    for (let i = 0; i < 1000; i += 7) {
      const [again] = await assignmentsOf({ userId: `user-${i}`, context: { country: "US" }, experiments: ["checkout"] });
      expect(again).toMatchObject({ variant: first.get(`user-${i}`), reason: "STICKY" });
    }
    expect(await h.db.$count(assignments)).toBe(1000);
  });

  it("excludes users who do not match targeting, and stores nothing for them", async () => {
    const before = await h.db.$count(assignments);
    for (let i = 0; i < 50; i++) {
      const [answer] = await assignmentsOf({ userId: `fr-${i}`, context: { country: "FR" }, experiments: ["checkout"] });
      expect(answer).toMatchObject({ experiment: "checkout", inExperiment: false, variant: null, reason: "TARGETING_MISS" });
    }
    expect(await h.db.$count(assignments)).toBe(before);
  });

  it("answers every ACTIVE experiment when none are listed, and NOT_ACTIVE for a listed unknown key", async () => {
    const all = await assignmentsOf({ userId: "u-all", context: { country: "CA" } });
    expect(all.map((a) => a.experiment).sort()).toEqual(["checkout", "landing", "landing-us"]);
    const [unknown] = await assignmentsOf({ userId: "u-all", experiments: ["nope"] });
    expect(unknown).toMatchObject({ experiment: "nope", inExperiment: false, reason: "NOT_ACTIVE" });
  });

  it("rejects bad input with 422 and field details, and a missing key with 401", async () => {
    expect(await assign(post({ context: [] }))).toMatchObject({
      status: 422,
      body: { error: { code: "invalid", details: { fields: { userId: ["userId is required: the id of the user to assign."], context: ["context must be an object of user attributes."] } } } },
    });
    expect((await assign(post({ userId: "x" }, {}))).status).toBe(401);
  });

  it("answers returning users and users outside the traffic at once, not with a promise", async () => {
    const atOnce = assignmentsHandler(() => h);
    const users = Array.from({ length: 20 }, (_, i) => `regular-${i}`);
    for (const userId of users) {
      const request = post({ userId, context: { country: "US" }, experiments: ["checkout", "landing"] });
      const first = (await atOnce(request)).body as { assignments: Answer[] };
      const again = atOnce(request);
      expect(again).not.toBeInstanceOf(Promise);
      const sticky = first.assignments.map((a) => ({ ...a, reason: a.reason === "BUCKETED" ? "STICKY" : a.reason }));
      expect((again as ApiResponse).body).toEqual({ assignments: sticky });
    }
  });

  it("stops enrolling once the experiment is paused (the cache hears the change)", async () => {
    await changeExperimentStatus(systemContext(h.db), { experiment: { key: "checkout" }, status: "PAUSED" });
    await expect.poll(async () => (await assignmentsOf({ userId: "late", context: { country: "US" }, experiments: ["checkout"] }))[0]?.reason, { timeout: 2000 }).toBe("NOT_ACTIVE");
    await changeExperimentStatus(systemContext(h.db), { experiment: { key: "checkout" }, status: "ACTIVE" });
  });

  it("does not answer at once from definitions a change has made stale", async () => {
    const atOnce = assignmentsHandler(() => h);
    const ask = async () => ((await atOnce(post({ userId: "paused-later", context: { country: "US" }, experiments: ["checkout"] }))).body as { assignments: Answer[] }).assignments[0]?.reason;
    // On PostgreSQL the notice of the previous test's resume arrives a moment after its commit.
    await expect.poll(ask, { timeout: 2000 }).toMatch(/BUCKETED|STICKY/);
    await changeExperimentStatus(systemContext(h.db), { experiment: { key: "checkout" }, status: "PAUSED" });
    await expect.poll(ask, { timeout: 2000 }).toBe("NOT_ACTIVE");
    await changeExperimentStatus(systemContext(h.db), { experiment: { key: "checkout" }, status: "ACTIVE" });
    await expect.poll(ask, { timeout: 2000 }).toBe("STICKY");
  });
});

describe("GET /r/{experimentKey}", () => {
  it("redirects an enrolled user to their variant's URL, and others to the control's", async () => {
    const locations = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const response = await redirect(get(`/r/landing?userId=v${i}&key=${key}`, { experimentKey: "landing" }));
      expect(response.status).toBe(302);
      locations.add(response.headers?.location ?? "");
    }
    // 20% coverage: some users see /new, the rest (and the control group) the original page.
    expect([...locations].sort()).toEqual(["https://example.com/", "https://example.com/new"]);
  });

  it("explains what is wrong instead of redirecting", async () => {
    expect(await redirect(get(`/r/landing?key=${key}`, { experimentKey: "landing" }))).toMatchObject({ status: 422 });
    expect(await redirect(get(`/r/checkout?userId=a&key=${key}`, { experimentKey: "checkout" }))).toMatchObject({ status: 409 });
    expect(await redirect(get(`/r/nope?userId=a&key=${key}`, { experimentKey: "nope" }))).toMatchObject({ status: 404 });
    expect(await redirect(get(`/r/landing?userId=a`, { experimentKey: "landing" }))).toMatchObject({ status: 401 });
  });

  it("takes only client keys from the URL, and any key type from a header", async () => {
    for (const other of [serverKey, adminKey]) {
      expect(await redirect(get(`/r/landing?userId=a&key=${other}`, { experimentKey: "landing" }))).toMatchObject({
        status: 403,
        body: { error: { code: "forbidden", message: expect.stringContaining("Only client keys may be sent in the URL") } },
      });
    }
    expect(await redirect(get(`/r/landing?userId=a`, { experimentKey: "landing" }, { authorization: `Bearer ${serverKey}` }))).toMatchObject({ status: 302 });
  });

  it("targets on the user's attributes sent as query parameters", async () => {
    const locations = async (query: string) => {
      const seen = new Set<string>();
      for (let i = 0; i < 40; i++) {
        const response = await redirect(get(`/r/landing-us?userId=q${i}&key=${key}&${query}`, { experimentKey: "landing-us" }));
        expect(response.status).toBe(302);
        seen.add(response.headers?.location ?? "");
      }
      return [...seen].sort();
    };
    // Before: the context was always empty, so targeting failed and everyone got the control's URL.
    expect(await locations("country=US&plan=pro")).toEqual(["https://example.com/", "https://example.com/new"]);
    expect(await locations("country=FR&plan=pro")).toEqual(["https://example.com/"]);
    expect(await locations("country=US")).toEqual(["https://example.com/"]);
    const [stored] = await h.db.select({ context: assignments.context }).from(assignments).where(eq(assignments.userId, "q0"));
    expect(stored?.context).toEqual({ country: "US", plan: "pro" });
  });
});

describe("the node:http fast path", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => void serveFromNode(assign, req, res, {}));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("serves JSON, and answers malformed or oversized bodies with 400 and 413", async () => {
    const ok = await fetch(base, { method: "POST", headers: { authorization: `Bearer ${key}` }, body: JSON.stringify({ userId: "http-1", context: { country: "US" }, experiments: ["checkout"] }) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(((await ok.json()) as { assignments: Answer[] }).assignments[0]?.inExperiment).toBe(true);
    const bad = await fetch(base, { method: "POST", headers: { authorization: `Bearer ${key}` }, body: "{nope" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("invalid_json");
    const big = await fetch(base, { method: "POST", headers: { authorization: `Bearer ${key}` }, body: "x".repeat(1_100_000) });
    expect(big.status).toBe(413);
  });
});
