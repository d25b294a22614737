/**
 * `POST /api/v1/analysis` and `POST /api/v1/power` end to end: JSON text in through the Next route adapter,
 * JSON out, reproducing the engine's reference values (sources as in core/stats/*.test.ts); and who may call.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/core/permissions/permissions";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { nextRoute } from "../../next-adapter";
import { type TestKeys, call, mintKeys } from "../experiments/endpoint-test-kit";
import type { ManagementEndpoint } from "../experiments/management-endpoint";
import { analysisEndpoint, analysisEndpoints, powerEndpoint } from "./analysis-endpoints";

let h: DatabaseHandle;
let keys: TestKeys;

beforeAll(async () => {
  h = await createTestDatabase();
  keys = await mintKeys(h);
});
afterAll(() => h.close());

/** Posts raw JSON text the way a client does, through the same adapter app/api/v1/* mounts. */
async function post(endpoint: ManagementEndpoint, body: unknown, key: string = keys.client): Promise<{ status: number; json: Record<string, unknown> }> {
  const route = nextRoute(endpoint.handler({ database: async () => h, sessionActor: async () => null }));
  const response = await route(
    new Request(`http://localhost${endpoint.doc.path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

type Row = Record<string, number | null | boolean | string>;
const rows = (json: Record<string, unknown>) => json.variants as Row[];

// GrowthBook packages/stats/tests/frequentist/test_tests.py, 5 decimals.
const gb = [
  { name: "control", isControl: true, users: 3407, sum: 1396.87, sumSquares: 52377.9767 },
  { name: "treatment", users: 3461, sum: 2422.7, sumSquares: 134698.29 },
];

describe("POST /api/v1/analysis reproduces the reference values", () => {
  it("frequentist relative (GrowthBook test_two_sided_ttest)", async () => {
    const { status, json } = await post(analysisEndpoint, { metricType: "mean", variants: gb });
    expect(status).toBe(200);
    const row = rows(json)[1]!;
    expect(row.relativeEffect as number).toBeCloseTo(0.70732, 5);
    expect(row.ciLower as number).toBeCloseTo(-0.03526, 5);
    expect(row.ciUpper as number).toBeCloseTo(1.44989, 5);
    expect(row.standardError as number).toBeCloseTo(0.37879, 5);
    expect(row.pValue as number).toBeCloseTo(0.06191, 5);
    expect(json).toMatchObject({ engine: "frequentist", difference: "relative", sided: "two", alpha: 0.05, correction: "holm" });
  });

  it("one-sided absolute Welch (R 4.2.2 t.test on sleep, alternative = 'less')", async () => {
    const { json } = await post(analysisEndpoint, {
      metricType: "mean",
      difference: "absolute",
      sided: "less",
      variants: [
        { name: "group 2", isControl: true, users: 10, sum: 23.3, sumSquares: 90.37 },
        { name: "group 1", users: 10, sum: 7.5, sumSquares: 34.43 },
      ],
    });
    const row = rows(json)[1]!;
    expect(row.pValue as number).toBeCloseTo(0.0396970700936791, 12);
    expect(row.ciLower).toBeNull();
    expect(row.ciUpper as number).toBeCloseTo(-0.106618502668394, 12);
  });

  it("sequential binomial (GrowthBook test_sequential_test_runs_prop)", async () => {
    const { json } = await post(analysisEndpoint, {
      engine: "sequential",
      metricType: "binomial",
      variants: [
        { name: "control", isControl: true, users: 3000, sum: 1396, sumSquares: 1396 },
        { name: "treatment", users: 3461, sum: 2422, sumSquares: 2422 },
      ],
    });
    const row = rows(json)[1]!;
    expect(row.ciLower as number).toBeCloseTo(0.40098, 5);
    expect(row.ciUpper as number).toBeCloseTo(0.60675, 5);
  });

  it("CUPED from pre-period sums (R 4.2.2 lm + t.test on adjusted values)", async () => {
    const { json } = await post(analysisEndpoint, {
      metricType: "mean",
      difference: "absolute",
      variants: [
        { name: "control", isControl: true, users: 400, sum: 2446.43, sumSquares: 18804.2657, pre: { sum: 1498.66, sumSquares: 8686.18, sumProduct: 11741.205 } },
        { name: "treatment", users: 420, sum: 2739.73, sumSquares: 21238.0433, pre: { sum: 1644.13, sumSquares: 9460.9393, sumProduct: 13031.2193 } },
      ],
    });
    const row = rows(json)[1]!;
    expect(row.pValue as number).toBeCloseTo(0.0528581565065673, 10);
    expect(row.ciLower as number).toBeCloseTo(-0.00336796260373074, 10);
  });

  it("SRM from weights (R chisq.test(c(1000, 1200), p = c(.5, .5)))", async () => {
    const { json } = await post(analysisEndpoint, {
      metricType: "binomial",
      variants: [
        { name: "control", isControl: true, users: 1000, sum: 100, sumSquares: 100, weight: 0.5 },
        { name: "treatment", users: 1200, sum: 130, sumSquares: 130, weight: 0.5 },
      ],
    });
    expect((json.srm as Row).chiSquare as number).toBeCloseTo(18.1818181818182, 10);
    expect((json.srm as Row).pValue as number).toBeCloseTo(2.00786561242648e-5, 12);
    expect((json.srm as Row).warning).toMatch(/Sample ratio mismatch/);
  });

  it("Bayesian rows: chance to win and risks, no p-value", async () => {
    const { json } = await post(analysisEndpoint, { engine: "bayesian", metricType: "mean", variants: gb });
    const row = rows(json)[1]!;
    expect(row.pValue).toBeNull();
    // The flat-prior posterior is N(0.70732, 0.37879²): R 4.2.2 pnorm(0.70732 / 0.37879) = 0.969071148201251.
    expect(row.chanceToWin as number).toBeCloseTo(0.96907, 4);
  });

  it("degenerate data: null fields and a warning, valid JSON, 200", async () => {
    const { status, json } = await post(analysisEndpoint, {
      metricType: "binomial",
      variants: [
        { name: "control", isControl: true, users: 50, sum: 0, sumSquares: 0 },
        { name: "treatment", users: 50, sum: 0, sumSquares: 0 },
      ],
    });
    expect(status).toBe(200);
    expect(rows(json)[1]).toMatchObject({ relativeEffect: null, pValue: null, significant: null });
    expect(rows(json)[1]!.warning).toMatch(/control mean is zero/);
  });
});

describe("POST /api/v1/analysis refuses impossible statistics, naming the field", () => {
  it.each([
    ["conversions above users", { metricType: "binomial", variants: [{ ...gb[0], users: 10, sum: 11, sumSquares: 11 }, { ...gb[1], users: 10, sum: 1, sumSquares: 1 }] }, "variants.0.sum"],
    ["negative users", { metricType: "mean", variants: [gb[0], { ...gb[1], users: -3 }] }, "variants.1.users"],
    ["sum of squares too small", { metricType: "mean", variants: [gb[0], { ...gb[1], sumSquares: 1 }] }, "variants.1.sumSquares"],
    ["two controls", { metricType: "mean", variants: [gb[0], { ...gb[1], isControl: true }] }, "variants"],
    ["no control", { metricType: "mean", variants: [{ ...gb[0], isControl: false }, gb[1]] }, "variants"],
    ["one variant", { metricType: "mean", variants: [gb[0]] }, "variants"],
    ["alpha outside (0, 1)", { metricType: "mean", alpha: 1.5, variants: gb }, "alpha"],
    ["unknown engine", { engine: "magic", metricType: "mean", variants: gb }, "engine"],
  ])("%s", async (_, body, field) => {
    const { status, json } = await post(analysisEndpoint, body);
    expect(status).toBe(422);
    const fields = ((json.error as { details: { fields: Record<string, string[]> } }).details.fields);
    expect(Object.keys(fields)).toContain(field);
  });

  it("a non-finite number (JSON cannot carry one; a huge exponent parses to Infinity) is refused", async () => {
    const { status } = await post(analysisEndpoint, `{"metricType":"mean","variants":[{"name":"c","isControl":true,"users":10,"sum":1e999,"sumSquares":5},{"name":"t","users":10,"sum":1,"sumSquares":5}]}`);
    expect(status).toBe(422);
  });

  it("malformed JSON is a 400", async () => {
    expect((await post(analysisEndpoint, "{not json")).status).toBe(400);
  });
});

describe("POST /api/v1/power", () => {
  it("reproduces GrowthBook's power test: power 0.52144 and MDE 0.07027 at 400,000 users, 3 variations", async () => {
    const { status, json } = await post(powerEndpoint, { metricType: "mean", baseline: { mean: 10, variance: 3909.9997749994377 }, effect: 0.05, users: 400000, variations: 3 });
    expect(status).toBe(200);
    expect(json.power as number).toBeCloseTo(0.52144, 5);
    expect(json.mde as number).toBeCloseTo(0.07027, 5);
  });

  it("answers users needed and days without users (GrowthBook: revenue reaches 80% in week 8 at 4,500 a week)", async () => {
    const { json } = await post(powerEndpoint, { metricType: "mean", baseline: { mean: 0.1, variance: 0.5 }, effect: 0.3, variations: 3, dailyUsers: 4500 / 7 });
    expect(json.usersNeeded as number).toBeGreaterThan(7 * 4500);
    expect(json.usersNeeded as number).toBeLessThanOrEqual(8 * 4500);
    expect(json.days as number).toBeLessThanOrEqual(56);
  });

  it.each([
    ["a conversion rate above 1", { metricType: "binomial", baseline: { mean: 1.2 }, effect: 0.1 }, "baseline.mean"],
    ["a mean metric without variance", { metricType: "mean", baseline: { mean: 3 }, effect: 0.1 }, "baseline.variance"],
    ["a zero effect", { metricType: "binomial", baseline: { mean: 0.1 }, effect: 0 }, "effect"],
  ])("refuses %s", async (_, body, field) => {
    const { status, json } = await post(powerEndpoint, body);
    expect(status).toBe(422);
    expect(Object.keys((json.error as { details: { fields: Record<string, string[]> } }).details.fields)).toContain(field);
  });
});

describe("who may call the analysis endpoints", () => {
  const requests: Record<string, unknown> = {
    analyseSummaryStatistics: { metricType: "mean", variants: gb },
    planExperiment: { metricType: "binomial", baseline: { mean: 0.1 }, effect: 0.05 },
  };
  const named = analysisEndpoints.map((endpoint) => [`${endpoint.doc.method} ${endpoint.doc.path}`, endpoint] as const);
  const reader: Actor = { kind: "user", id: null, label: "reader", isSuperuser: false, permissions: new Set(["experiment:read"]) };
  const stranger: Actor = { kind: "user", id: null, label: "stranger", isSuperuser: false, permissions: new Set(["feature_flag:read"]) };

  it.each(named)("%s: 401 without a key or session, and with a bad key", async (_, endpoint) => {
    const body = requests[endpoint.doc.operationId];
    expect(await call(h, endpoint, { body })).toMatchObject({ status: 401, body: { error: { code: "unauthenticated", message: "Sign in, or send an API key as `Authorization: Bearer <key>`." } } });
    expect(await call(h, endpoint, { body, key: "exp_client_not-a-real-key" })).toMatchObject({ status: 401 });
  });

  it.each(named)("%s: 200 for client, server and viewer-role admin keys, and a session that may read experiments", async (_, endpoint) => {
    const body = requests[endpoint.doc.operationId];
    for (const key of [keys.client, keys.server, keys.viewer, keys.admin]) expect((await call(h, endpoint, { body, key })).status).toBe(200);
    expect((await call(h, endpoint, { body, session: reader })).status).toBe(200);
  });

  it.each(named)("%s: 403 for a session without experiment:read", async (_, endpoint) => {
    expect(await call(h, endpoint, { body: requests[endpoint.doc.operationId], session: stranger })).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
  });
});
