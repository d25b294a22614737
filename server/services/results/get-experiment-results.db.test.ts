/**
 * Results from stored statistics (DESIGN §6–7): one metric cross-checked against R's `t.test`, the
 * correction across variants × metrics, the guardrail flag, "not enough data", the SRM check, the history,
 * and the API's shape and errors.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holm } from "@/core/stats/multiple-testing";
import type { DatabaseHandle } from "@/db/client";
import { metricVariantStatistics } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { type TestKeys, call, mintKeys } from "../../api/endpoints/experiments/endpoint-test-kit";
import { getExperimentResultsEndpoint } from "../../api/endpoints/experiments/get-experiment-results";
import { Forbidden } from "../../errors";
import { createExperiment } from "../experiments/create-experiment";
import { readyExperiment } from "../experiments/experiment-fixtures";
import { contextWith, systemContext } from "../testing";
import { getExperimentResults } from "./get-experiment-results";
import { getResultsHistory } from "./get-results-history";
import { refreshStatistics } from "./refresh-results";
import { experimentResultsSchema } from "./results.schema";
import { T0, assign, hoursAfter, track } from "./results-fixtures";

let h: DatabaseHandle;
let keys: TestKeys;
beforeAll(async () => {
  h = await createTestDatabase();
  keys = await mintKeys(h);
});
afterAll(() => h.close());

const reader = () => contextWith(h.db, ["experiment:read"]);
const users = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("a revenue metric on R's sleep data", () => {
  // R's `sleep` data (Cushny and Peebles), `extra` by group: group 2 is the control, group 1 the treatment.
  const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
  const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

  beforeAll(async () => {
    const experiment = await createExperiment(systemContext(h.db), readyExperiment("sleep", { metricDefinitions: [{ name: "extra sleep", eventName: "sleep", metricType: "REVENUE", isPrimary: true }] }));
    await assign(h.db, experiment, "control", users("g2-", 10));
    await assign(h.db, experiment, "treatment", users("g1-", 10));
    await track(h.db, [...group2.map((value, i) => ({ user: `g2-${i}`, type: "sleep", value })), ...group1.map((value, i) => ({ user: `g1-${i}`, type: "sleep", value }))]);
    await refreshStatistics(h.db, experiment.id);
  });

  it("reproduces R 4.2.2 t.test(extra ~ group, data = sleep)", async () => {
    const results = await getExperimentResults(reader(), { key: "sleep", difference: "absolute", correction: "none" });
    const [control, treatment] = results.metrics[0]!.variants;
    // Group means printed by R: 2.33 (group 2) and 0.75 (group 1).
    expect(control).toMatchObject({ variant: "control", isControl: true, users: 10 });
    expect(control!.mean).toBeCloseTo(2.33, 12);
    expect(treatment!.mean).toBeCloseTo(0.75, 12);
    // R: t = -1.8608, df = 17.776, p-value = 0.07939, 95% CI -3.3654832 0.2054832 (group 1 − group 2).
    expect(treatment!.absoluteEffect).toBeCloseTo(-1.58, 12);
    expect(treatment!.ciLower).toBeCloseTo(-3.36548323071171, 9);
    expect(treatment!.ciUpper).toBeCloseTo(0.20548323071171, 9);
    expect(treatment!.pValue).toBeCloseTo(0.0793941401874, 9);
    expect(treatment!.significant).toBe(false);
    expect(results.metrics[0]).toMatchObject({ metricType: "REVENUE", isPrimary: true, enoughData: true, regression: false });
    expect(Date.parse(results.updatedAt!)).not.toBeNaN();
  });

  it("falls back to the unadjusted analysis, saying so, when the stored CUPED sums are impossible", async () => {
    const before = await getExperimentResults(reader(), { key: "sleep", difference: "absolute", correction: "none" });
    // Pre-period sums no data can give (Σpre² below (Σpre)²/n), as rounding could leave them.
    await h.db.update(metricVariantStatistics).set({ preSum: 10, preSumSquares: 1 });
    try {
      const after = await getExperimentResults(reader(), { key: "sleep", difference: "absolute", correction: "none" });
      const row = after.metrics[0]!.variants[1]!;
      expect(row.warning).toMatch(/^CUPED left out: .*pre\.sumSquares/);
      expect(row.pValue).toBe(before.metrics[0]!.variants[1]!.pValue);
    } finally {
      await h.db.update(metricVariantStatistics).set({ preSum: 0, preSumSquares: 0 });
    }
  });

  it("is served by GET /api/v1/experiments/{key}/results in the documented shape", async () => {
    const response = await call(h, getExperimentResultsEndpoint, { key: keys.viewer, params: { key: "sleep" }, query: "difference=absolute&engine=sequential" });
    expect(response.status).toBe(200);
    const body = experimentResultsSchema.parse(response.body);
    expect(body).toMatchObject({ experiment: "sleep", engine: "sequential", difference: "absolute", correction: "holm" });
    expect(body.metrics[0]!.variants[1]!.absoluteEffect).toBeCloseTo(-1.58, 12);
  });

  it("answers 422 for a bad query, 404 for an unknown experiment, 403 without read rights", async () => {
    const bad = await call(h, getExperimentResultsEndpoint, { key: keys.viewer, params: { key: "sleep" }, query: "engine=magic" });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ error: { code: expect.any(String) } });
    expect((await call(h, getExperimentResultsEndpoint, { key: keys.viewer, params: { key: "nope" } })).status).toBe(404);
    expect((await call(h, getExperimentResultsEndpoint, { key: keys.client, params: { key: "sleep" } })).status).toBe(403);
    await expect(getExperimentResults(contextWith(h.db, ["feature_flag:read"]), { key: "sleep" })).rejects.toThrow(Forbidden);
  });
});

describe("guardrails, corrections and checks across metrics", () => {
  beforeAll(async () => {
    const experiment = await createExperiment(
      systemContext(h.db),
      readyExperiment("guardrail", {
        metricDefinitions: [
          { name: "errors", eventName: "error", metricType: "CONVERSION", isPrimary: false, lowerIsBetter: true },
          { name: "converted", eventName: "purchase", metricType: "CONVERSION", isPrimary: true },
          { name: "late signal", eventName: "purchase", metricType: "COUNT", isPrimary: false, minimumSampleSize: 500 },
        ],
      }),
    );
    // 100 control users, 160 treatment users on a 50/50 split: expected 130 each.
    const control = users("c", 100);
    const treatment = users("t", 160);
    await assign(h.db, experiment, "control", control);
    await assign(h.db, experiment, "treatment", treatment);
    await track(h.db, [
      ...control.slice(0, 10).map((user) => ({ user, type: "purchase" })),
      ...treatment.slice(0, 80).map((user) => ({ user, type: "purchase" })),
      ...control.slice(0, 20).map((user) => ({ user, type: "error" })),
      ...treatment.slice(0, 100).map((user) => ({ user, type: "error" })),
    ]);
    await refreshStatistics(h.db, experiment.id);
  });

  it("lists the primary metric first and flags a significant move the wrong way", async () => {
    const results = await getExperimentResults(reader(), { key: "guardrail" });
    expect(results.metrics.map((m) => m.metric)).toEqual(["converted", "errors", "late signal"]);
    const [converted, errors] = results.metrics;
    // Converted 10/100 vs 80/160, errors 20/100 vs 100/160.
    expect(converted!.variants.map((v) => [v.users, v.mean])).toEqual([[100, 0.1], [160, 0.5]]);
    expect(converted).toMatchObject({ regression: false });
    expect(converted!.variants[1]!.significant).toBe(true);
    expect(errors!.variants[1]!.absoluteEffect).toBeCloseTo(0.425, 12);
    expect(errors!.variants[1]!.significant).toBe(true);
    expect(errors).toMatchObject({ lowerIsBetter: true, regression: true });
  });

  it("corrects across variants × metrics, not metric by metric", async () => {
    const results = await getExperimentResults(reader(), { key: "guardrail", correction: "holm" });
    const rows = results.metrics.map((m) => m.variants[1]!);
    const expected = holm(rows.map((row) => row.pValue));
    rows.forEach((row, i) => expect(row.adjustedPValue).toBe(expected[i]));
    // Three p-values: the smallest is multiplied by 3, which metric-by-metric correction never would.
    const smallest = Math.min(...rows.map((row) => row.pValue!));
    expect(Math.min(...rows.map((row) => row.adjustedPValue!))).toBeCloseTo(Math.min(1, 3 * smallest), 15);
    const none = await getExperimentResults(reader(), { key: "guardrail", correction: "none" });
    expect(none.metrics.map((m) => m.variants[1]!.adjustedPValue)).toEqual(none.metrics.map((m) => m.variants[1]!.pValue));
  });

  it("gives no verdict before the minimum sample size", async () => {
    const results = await getExperimentResults(reader(), { key: "guardrail" });
    const late = results.metrics.find((m) => m.metric === "late signal")!;
    expect(late.enoughData).toBe(false);
    expect(late.variants[1]!.significant).toBeNull();
    expect(late.variants[1]!.pValue).not.toBeNull();
  });

  it("checks the sample ratio against the traffic allocations", async () => {
    const { srm } = await getExperimentResults(reader(), { key: "guardrail" });
    expect(srm.observed).toEqual({ control: 100, treatment: 160 });
    expect(srm.expected).toEqual({ control: 130, treatment: 130 });
    // χ² = 2 · 30² / 130 = 13.85 on 1 degree of freedom: p ≈ 2e-4 < 0.001.
    expect(srm.pValue!).toBeLessThan(0.001);
    expect(srm.warning).toMatch(/Sample ratio mismatch/);
  });

  it("answers Bayesian chances to win without p-values", async () => {
    const results = await getExperimentResults(reader(), { key: "guardrail", engine: "bayesian" });
    const row = results.metrics[0]!.variants[1]!;
    expect(row.chanceToWin!).toBeGreaterThan(0.99);
    expect(row.pValue).toBeNull();
    expect(row.adjustedPValue).toBeNull();
  });

  it("keeps today's cumulative snapshot for the history", async () => {
    const history = await getResultsHistory(reader(), { key: "guardrail", difference: "absolute" });
    const converted = history.metrics[0]!;
    expect(converted.metric).toBe("converted");
    // Every user and event is on T0's day: the rebuilt first day already holds them all, as does today.
    expect(converted.days[0]!.date).toBe("2026-11-01");
    expect(converted.days.at(-1)!.date).toBe(new Date().toISOString().slice(0, 10));
    for (const day of [converted.days[0]!, converted.days.at(-1)!]) {
      const [control, treatment] = day.variants;
      expect(control).toMatchObject({ users: 100, mean: 0.1, effect: null });
      expect(treatment).toMatchObject({ users: 160, mean: 0.5 });
      expect(treatment!.effect).toBeCloseTo(0.4, 12);
      expect(treatment!.ciLower!).toBeLessThan(0.4);
    }
    expect(converted.days[0]!.variants.map((v) => v.newUsers)).toEqual([100, 160]);
    expect(converted.days.at(-1)!.variants.map((v) => v.newUsers)).toEqual([0, 0]);
  });
});

describe("an experiment without a control", () => {
  it("reports users and means without effects", async () => {
    const experiment = await createExperiment(
      systemContext(h.db),
      readyExperiment("no-control", { variants: [{ name: "a", trafficAllocation: 50 }, { name: "b", trafficAllocation: 50 }] }),
    );
    await assign(h.db, experiment, "a", ["a1", "a2"]);
    await assign(h.db, experiment, "b", ["b1"]);
    await track(h.db, [{ user: "a1", type: "purchase" }]);
    await refreshStatistics(h.db, experiment.id);
    const [metric] = (await getExperimentResults(reader(), { key: "no-control" })).metrics;
    // a: 1 of 2 converted (p(1 − p) = 0.25); b: 0 of 1.
    expect(metric!.variants.map((v) => [v.variant, v.users, v.mean, v.variance, v.relativeEffect])).toEqual([["a", 2, 0.5, 0.25, null], ["b", 1, 0, 0, null]]);
  });
});

describe("a bandit", () => {
  it("does not check the sample ratio, whose allocations move as it learns", async () => {
    const experiment = await createExperiment(systemContext(h.db), readyExperiment("srm-bandit", { experimentType: "BANDIT" }));
    // 100 against 300 on a 50/50 split would be a mismatch at p < 1e-20 for an A/B test.
    await assign(h.db, experiment, "control", users("bc", 100));
    await assign(h.db, experiment, "treatment", users("bt", 300));
    await refreshStatistics(h.db, experiment.id);
    const { srm } = await getExperimentResults(reader(), { key: "srm-bandit" });
    expect(srm).toEqual({ pValue: null, observed: { control: 100, treatment: 300 }, expected: {}, note: expect.stringMatching(/bandit's allocations change/) });
  });
});

describe("the history of a metric computed for the first time", () => {
  it("is rebuilt from the event times, one cumulative row per day since the first assignment", async () => {
    const experiment = await createExperiment(
      systemContext(h.db),
      readyExperiment("history-rebuilt", { metricDefinitions: [{ name: "purchases", eventName: "buy", metricType: "COUNT", isPrimary: true }] }),
    );
    await assign(h.db, experiment, "control", ["hc1"], T0);
    await assign(h.db, experiment, "control", ["hc2"], hoursAfter(48));
    await assign(h.db, experiment, "treatment", ["ht1"], T0);
    await track(h.db, [
      { user: "hc1", type: "buy", at: hoursAfter(1) },
      { user: "hc1", type: "buy", at: hoursAfter(29) },
      { user: "ht1", type: "buy", at: hoursAfter(30) },
      // Before hc2's assignment: not counted on any day.
      { user: "hc2", type: "buy", at: hoursAfter(30) },
      { user: "hc2", type: "buy", at: hoursAfter(58) },
      { user: "ht1", type: "buy", at: hoursAfter(80) },
    ]);
    await refreshStatistics(h.db, experiment.id);
    const [purchases] = (await getResultsHistory(reader(), { key: "history-rebuilt", difference: "absolute" })).metrics;
    const byDate = new Map(purchases!.days.map((day) => [day.date, day.variants.map((v) => [v.users, v.mean])]));
    // Worked by hand: control hc1 = 1, 2, 2, 2 and hc2 from Nov 3 = 1; treatment ht1 = 0, 1, 1, 2.
    expect(byDate.get("2026-11-01")).toEqual([[1, 1], [1, 0]]);
    expect(byDate.get("2026-11-02")).toEqual([[1, 2], [1, 1]]);
    expect(byDate.get("2026-11-03")).toEqual([[2, 1.5], [1, 1]]);
    expect(byDate.get("2026-11-04")).toEqual([[2, 1.5], [1, 2]]);
    const today = new Date().toISOString().slice(0, 10);
    const days = (Date.parse(today) - Date.parse("2026-11-01")) / 86_400_000 + 1;
    expect(purchases!.days.map((day) => day.date)).toHaveLength(days);
    expect(byDate.get(today)).toEqual([[2, 1.5], [1, 2]]);
  });
});
