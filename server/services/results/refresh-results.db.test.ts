/**
 * The incremental metrics computation (DESIGN §6) on hand-made data: every metric type's per-variant
 * users, sum and sum of squares worked out by hand in the comments, events before assignment left out,
 * the CUPED pre-window, incremental refresh equal to a full recompute, and concurrent ingestion.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { metricRefreshState, metricUserValues, metricVariantStatistics, metrics } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Forbidden } from "../../errors";
import { createExperiment } from "../experiments/create-experiment";
import { readyExperiment } from "../experiments/experiment-fixtures";
import type { ExperimentDetail } from "../experiments/load-experiment";
import { contextWith, systemContext } from "../testing";
import { T0, assign, hoursAfter, track } from "./results-fixtures";
import { refreshExperimentResults, refreshExperimentStatistics, refreshStatistics } from "./refresh-results";
import { loadVariantStatistics } from "./stored-statistics";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

type Stats = { users: number; sum: number; sumSquares: number };

/** Per metric name and variant name: users, sum and sum of squares as stored. */
async function statsByName(experiment: ExperimentDetail): Promise<Record<string, Record<string, Stats>>> {
  const rows = await loadVariantStatistics(h.db, experiment.id);
  const out: Record<string, Record<string, Stats>> = {};
  for (const row of rows) {
    const metric = experiment.metricDefinitions.find((m) => m.id === row.metricId)!.name;
    const variant = experiment.variants.find((v) => v.id === row.variantId)!.name;
    (out[metric] ??= {})[variant] = { users: row.users, sum: row.sum, sumSquares: row.sumSquares };
  }
  return out;
}

const cart = (total: unknown) => ({ cart: { total } });

describe("metric values per user and sufficient statistics per variant", () => {
  let experiment: ExperimentDetail;
  beforeAll(async () => {
    experiment = await createExperiment(
      systemContext(h.db),
      readyExperiment("every-type", {
        metricDefinitions: [
          { name: "converted", eventName: "purchase", metricType: "CONVERSION", isPrimary: true },
          { name: "clicks", eventName: "click", metricType: "COUNT", isPrimary: false },
          { name: "revenue", eventName: "purchase", metricType: "REVENUE", isPrimary: false },
          { name: "session length", eventName: "session", metricType: "DURATION", isPrimary: false },
          { name: "cart sum", eventName: "checkout", metricType: "CUSTOM", aggregationMethod: "sum", eventValuePath: "$.cart.total", isPrimary: false },
          { name: "cart average", eventName: "checkout", metricType: "CUSTOM", aggregationMethod: "average", eventValuePath: "$.cart.total", isPrimary: false },
          { name: "cart count", eventName: "checkout", metricType: "CUSTOM", aggregationMethod: "count", eventValuePath: "cart.total", isPrimary: false },
          { name: "cart min", eventName: "checkout", metricType: "CUSTOM", aggregationMethod: "min", eventValuePath: "$.cart.total", isPrimary: false },
          { name: "cart max", eventName: "checkout", metricType: "CUSTOM", aggregationMethod: "max", eventValuePath: "$.cart.total", isPrimary: false },
        ],
      }),
    );
    await assign(h.db, experiment, "control", ["c1", "c2", "c3"]);
    await assign(h.db, experiment, "treatment", ["t1", "t2", "t3", "t4"]);
    await track(h.db, [
      { user: "c1", type: "purchase", value: 10 },
      { user: "c1", type: "purchase", value: 20 },
      { user: "c1", type: "click" },
      { user: "c1", type: "click" },
      { user: "c1", type: "session", value: 30 },
      { user: "c1", type: "checkout", metadata: cart(5) },
      { user: "c1", type: "checkout", metadata: cart(7) },
      // Before c2's assignment: in the CUPED window, never in the metric.
      { user: "c2", type: "purchase", value: 5, at: hoursAfter(-1) },
      { user: "c2", type: "click" },
      // Twenty days before assignment: outside the 14-day CUPED window too.
      { user: "c3", type: "purchase", value: 99, at: hoursAfter(-24 * 20) },
      { user: "t1", type: "purchase", value: 40 },
      { user: "t1", type: "click" },
      { user: "t1", type: "click" },
      { user: "t1", type: "click" },
      { user: "t1", type: "session", value: 10 },
      { user: "t1", type: "session", value: 20 },
      { user: "t1", type: "checkout", metadata: cart(4) },
      // Not a number at the path: an event, but no value.
      { user: "t1", type: "checkout", metadata: cart("4") },
      { user: "t2", type: "purchase", value: 15 },
      { user: "t2", type: "click" },
      { user: "t2", type: "session", value: 60 },
      { user: "t3", type: "click" },
      { user: "t3", type: "click" },
      // A user never assigned to this experiment.
      { user: "stranger", type: "purchase", value: 1000 },
    ]);
    await refreshStatistics(h.db, experiment.id);
  });

  it("computes each metric type as DESIGN §6 defines it", async () => {
    const stats = await statsByName(experiment);
    // Converted: control c1 only (c2's purchase predates assignment) → 1 of 3; treatment t1, t2 → 2 of 4.
    expect(stats.converted).toEqual({ control: { users: 3, sum: 1, sumSquares: 1 }, treatment: { users: 4, sum: 2, sumSquares: 2 } });
    // Clicks per user: control 2, 1, 0 → Σ 3, Σ² 5; treatment 3, 1, 2, 0 → Σ 6, Σ² 14.
    expect(stats.clicks).toEqual({ control: { users: 3, sum: 3, sumSquares: 5 }, treatment: { users: 4, sum: 6, sumSquares: 14 } });
    // Revenue: control 30, 0, 0 → 30, 900; treatment 40, 15, 0, 0 → 55, 1825.
    expect(stats.revenue).toEqual({ control: { users: 3, sum: 30, sumSquares: 900 }, treatment: { users: 4, sum: 55, sumSquares: 1825 } });
    // Session length, users without sessions missing: control c1 30; treatment t1 mean(10, 20) = 15, t2 60.
    expect(stats["session length"]).toEqual({ control: { users: 1, sum: 30, sumSquares: 900 }, treatment: { users: 2, sum: 75, sumSquares: 3825 } });
    // Cart totals: control c1 5 and 7; treatment t1 4 (its "4" is a string, not a number).
    expect(stats["cart sum"]).toEqual({ control: { users: 3, sum: 12, sumSquares: 144 }, treatment: { users: 4, sum: 4, sumSquares: 16 } });
    expect(stats["cart average"]).toEqual({ control: { users: 3, sum: 6, sumSquares: 36 }, treatment: { users: 4, sum: 4, sumSquares: 16 } });
    expect(stats["cart count"]).toEqual({ control: { users: 3, sum: 2, sumSquares: 4 }, treatment: { users: 4, sum: 1, sumSquares: 1 } });
    expect(stats["cart min"]).toEqual({ control: { users: 3, sum: 5, sumSquares: 25 }, treatment: { users: 4, sum: 4, sumSquares: 16 } });
    expect(stats["cart max"]).toEqual({ control: { users: 3, sum: 7, sumSquares: 49 }, treatment: { users: 4, sum: 4, sumSquares: 16 } });
  });

  it("keeps the pre-assignment window's events as each user's CUPED covariate", async () => {
    const revenue = experiment.metricDefinitions.find((m) => m.name === "revenue")!;
    const control = experiment.variants.find((v) => v.isControl)!;
    const [row] = await h.db.select().from(metricVariantStatistics).where(eq(metricVariantStatistics.metricId, revenue.id)).then((rows) => rows.filter((r) => r.variantId === control.id));
    // Pre-period revenue: c1 0, c2 5, c3 0 → Σ 5, Σ² 25; Σ post·pre = 30·0 + 0·5 + 0·0 = 0.
    expect(row).toMatchObject({ preSum: 5, preSumSquares: 25, sumProduct: 0 });
  });
});

describe("incremental refresh", () => {
  let experiment: ExperimentDetail;
  const metricNames = ["converted", "revenue", "session length", "cart max"];

  beforeAll(async () => {
    experiment = await createExperiment(
      systemContext(h.db),
      readyExperiment("incremental", {
        metricDefinitions: [
          { name: "converted", eventName: "purchase", metricType: "CONVERSION", isPrimary: true },
          { name: "revenue", eventName: "purchase", metricType: "REVENUE", isPrimary: false },
          { name: "session length", eventName: "session", metricType: "DURATION", isPrimary: false },
          { name: "cart max", eventName: "checkout", metricType: "CUSTOM", aggregationMethod: "max", eventValuePath: "$.cart.total", isPrimary: false },
        ],
      }),
    );
    expect(experiment.metricDefinitions.map((m) => m.name)).toEqual(metricNames);
  });

  /** Throws the stored state away and computes the experiment again from every event. */
  async function fullRecompute() {
    const ids = experiment.metricDefinitions.map((m) => m.id);
    await h.db.delete(metricUserValues).where(inArray(metricUserValues.metricId, ids));
    await h.db.delete(metricVariantStatistics).where(inArray(metricVariantStatistics.metricId, ids));
    await h.db.delete(metricRefreshState).where(inArray(metricRefreshState.metricId, ids));
    await refreshStatistics(h.db, experiment.id);
    return statsByName(experiment);
  }

  function expectClose(actual: Record<string, Record<string, Stats>>, expected: Record<string, Record<string, Stats>>) {
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const [metric, byVariant] of Object.entries(expected)) {
      for (const [variant, stats] of Object.entries(byVariant)) {
        const got = actual[metric]?.[variant];
        expect(got?.users, `${metric}/${variant} users`).toBe(stats.users);
        expect(got?.sum, `${metric}/${variant} sum`).toBeCloseTo(stats.sum, 9);
        expect(got?.sumSquares, `${metric}/${variant} sumSquares`).toBeCloseTo(stats.sumSquares, 9);
      }
    }
  }

  it("equals a full recompute after new events, new assignments and late events", async () => {
    await assign(h.db, experiment, "control", ["a", "b"]);
    await assign(h.db, experiment, "treatment", ["x", "y"]);
    await track(h.db, [
      { user: "a", type: "purchase", value: 3 },
      { user: "x", type: "session", value: 8 },
      { user: "x", type: "checkout", metadata: cart(2) },
    ]);
    await refreshStatistics(h.db, experiment.id);
    const first = await statsByName(experiment);
    // Revenue: control a 3, b 0 → 3, 9; treatment 0, 0.
    expect(first.revenue).toEqual({ control: { users: 2, sum: 3, sumSquares: 9 }, treatment: { users: 2, sum: 0, sumSquares: 0 } });

    // New events for known users (raising a max, a second purchase), new users with earlier events, a
    // late event timestamped before the last refresh, and an event before assignment.
    await track(h.db, [
      { user: "a", type: "purchase", value: 4.5 },
      { user: "b", type: "purchase", value: 1.25, at: hoursAfter(0.5) },
      { user: "x", type: "checkout", metadata: cart(9) },
      { user: "x", type: "session", value: 2 },
      { user: "y", type: "session", value: 7, at: hoursAfter(-2) },
      { user: "z", type: "purchase", value: 11, at: hoursAfter(2) },
      { user: "w", type: "checkout", metadata: cart(-3), at: hoursAfter(3) },
    ]);
    await assign(h.db, experiment, "treatment", ["z", "w"], hoursAfter(1));
    await refreshStatistics(h.db, experiment.id);
    const incremental = await statsByName(experiment);
    // By hand: revenue control a 7.5, b 1.25 → 8.75, 57.8125; treatment x 0, y 0, z 11, w 0 → 11, 121.
    expect(incremental.revenue).toEqual({ control: { users: 2, sum: 8.75, sumSquares: 57.8125 }, treatment: { users: 4, sum: 11, sumSquares: 121 } });
    // Session length: x mean(8, 2) = 5; y's only session predates assignment → missing.
    expect(incremental["session length"]).toEqual({ control: { users: 0, sum: 0, sumSquares: 0 }, treatment: { users: 1, sum: 5, sumSquares: 25 } });
    // Cart max: x max(2, 9) = 9, w −3, y and z 0.
    expect(incremental["cart max"]?.treatment).toEqual({ users: 4, sum: 6, sumSquares: 90 });
    expectClose(incremental, await fullRecompute());
  });

  it("does nothing new when nothing was written, and recomputes a metric whose definition changed", async () => {
    const before = await statsByName(experiment);
    await refreshStatistics(h.db, experiment.id);
    expect(await statsByName(experiment)).toEqual(before);
    const metric = experiment.metricDefinitions.find((m) => m.name === "cart max")!;
    await h.db.update(metrics).set({ aggregationMethod: "min" }).where(eq(metrics.id, metric.id));
    await refreshStatistics(h.db, experiment.id);
    // Cart min: x min(2, 9) = 2, w −3 → 2 − 3 = −1, 4 + 9 = 13.
    expect((await statsByName(experiment))["cart max"]?.treatment).toEqual({ users: 4, sum: -1, sumSquares: 13 });
  });
});

describe("refreshExperimentResults", () => {
  it("answers the refresh time to a reader and refuses others", async () => {
    await createExperiment(systemContext(h.db), readyExperiment("on-demand"));
    const { updatedAt } = await refreshExperimentResults(contextWith(h.db, ["experiment:read"]), { key: "on-demand" });
    expect(Date.parse(updatedAt)).toBeGreaterThan(T0.getTime());
    await expect(refreshExperimentResults(contextWith(h.db, ["feature_flag:read"]), { key: "on-demand" })).rejects.toThrow(Forbidden);
  });
});

// Concurrent transactions need a second connection: PostgreSQL only (the CI's TEST_DATABASE_URL pass).
describe.runIf(process.env.TEST_DATABASE_URL)("ingestion concurrent with refresh", () => {
  it("counts an event committed after the refresh by a transaction that began before it, exactly once", async () => {
    const experiment = await createExperiment(systemContext(h.db), readyExperiment("concurrent", { metricDefinitions: [{ name: "clicks", eventName: "click", metricType: "COUNT", isPrimary: true }] }));
    await assign(h.db, experiment, "control", ["u1", "u2"]);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const wroteSlow = new Promise<void>((resolve) => (written = resolve));
    // The slow writer takes its transaction id first, then another writer commits after it.
    const slow = h.db.transaction(async (tx) => {
      await track(tx, [{ user: "u1", type: "click" }]);
      written();
      await gate;
    });
    await wroteSlow;
    await track(h.db, [{ user: "u2", type: "click" }, { user: "u2", type: "click" }]);
    await refreshExperimentStatistics(h.db, experiment.id, { wait: true });
    const during = (await statsByName(experiment)).clicks?.control;
    // Neither is counted yet: the fast writer's id is above the horizon the slow one holds back.
    expect(during ?? { users: 2, sum: 0, sumSquares: 0 }).toEqual({ users: 2, sum: 0, sumSquares: 0 });
    release();
    await slow;
    await refreshExperimentStatistics(h.db, experiment.id, { wait: true });
    await refreshExperimentStatistics(h.db, experiment.id, { wait: true });
    // u1 1 click, u2 2 clicks → Σ 3, Σ² 5.
    expect((await statsByName(experiment)).clicks?.control).toEqual({ users: 2, sum: 3, sumSquares: 5 });
  });
});
