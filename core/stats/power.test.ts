/**
 * Reference cases for planning, copied from GrowthBook's front-end power tests
 * (packages/front-end/test/power.test.ts: "calculates power correctly", "checks power", "checks sequential
 * power"), printed to 5 decimals. Their `n` is the total users across all variations, as ours is.
 *
 * R's `power.t.test` (noncentral t, absolute effect, pooled SD) and `power.prop.test` (unpooled binomial
 * variances, no delta method) follow other conventions and would not give these numbers; we follow GrowthBook.
 */
import { describe, expect, it } from "vitest";
import { type PlanInput, daysNeeded, minimumDetectableEffect, power, usersNeeded } from "./power";

const gbMean: PlanInput = { kind: "mean", mean: 10, variance: 3909.9997749994377, alpha: 0.05, variations: 3 };

describe("single cases (GrowthBook 'calculates power correctly' and its MDE and sequential siblings)", () => {
  it.each([
    ["power, fixed horizon", () => power(gbMean, 400000, 0.05), 0.52144],
    ["two-tailed MDE at 80% power", () => minimumDetectableEffect(gbMean, 400000, 0.8), 0.07027],
    ["sequential power, N* = 5000", () => power({ ...gbMean, sequentialTuning: 5000 }, 400000, 0.05), 0.20596],
    ["sequential MDE, N* = 5000", () => minimumDetectableEffect({ ...gbMean, sequentialTuning: 5000 }, 400000, 0.8), 0.12821],
  ] as const)("%s", (_, compute, expected) => {
    expect(compute()).toBeCloseTo(expected, 5);
  });
});

// "checks power": 4,500 users a week, 3 variations, α = 0.05, weeks 1–9; solutions alternate metric by metric.
const ctr: PlanInput = { kind: "binomial", mean: 0.1, alpha: 0.05, variations: 3 };
const revenue: PlanInput = { kind: "mean", mean: 0.1, variance: 0.5, alpha: 0.05, variations: 3 };
const effects = { ctr: 0.05, revenue: 0.3 };
const fixed = {
  power: [0.073, 0.17053, 0.0965, 0.29389, 0.1204, 0.41122, 0.14458, 0.51749, 0.16895, 0.61037, 0.19342, 0.68938, 0.21791, 0.75513, 0.24235, 0.80886, 0.26666, 0.85213],
  mde: [0.36767, 1.26769, 0.24505, 0.71941, 0.19525, 0.54299, 0.16673, 0.4506, 0.14774, 0.39208, 0.13394, 0.35099, 0.12336, 0.32018, 0.11491, 0.29603, 0.10796, 0.27647],
};
const sequential = {
  power: [0.05936, 0.09832, 0.06912, 0.14992, 0.07849, 0.19972, 0.08761, 0.24784, 0.09657, 0.29426, 0.10541, 0.33888, 0.11415, 0.38165, 0.12282, 0.42249, 0.13142, 0.46136],
  mde: [0.65545, 4.33868, 0.4112, 1.51846, 0.32394, 1.04943, 0.27607, 0.84084, 0.24484, 0.71862, 0.22241, 0.63663, 0.20532, 0.577, 0.19172, 0.53123, 0.18058, 0.49473],
};

const weekly = (solutions: typeof fixed, tuning: number | undefined) =>
  Array.from({ length: 9 }, (_, week) =>
    (["ctr", "revenue"] as const).map((metric, m) => ({
      label: `${tuning ? "sequential" : "fixed"} ${metric}, week ${week + 1}`,
      input: { ...(metric === "ctr" ? ctr : revenue), sequentialTuning: tuning },
      users: 4500 * (week + 1),
      effect: effects[metric],
      power: solutions.power[2 * week + m]!,
      mde: solutions.mde[2 * week + m]!,
    })),
  ).flat();

describe("GrowthBook 'checks power' and 'checks sequential power' tables", () => {
  it.each([...weekly(fixed, undefined), ...weekly(sequential, 5000)].map((c) => [c.label, c] as const))("%s", (_, c) => {
    expect(power(c.input, c.users, c.effect)).toBeCloseTo(c.power, 5);
    expect(minimumDetectableEffect(c.input, c.users, 0.8)).toBeCloseTo(c.mde, 5);
  });

  it("revenue first reaches 80% power in week 8 (GrowthBook sampleSizeAndRuntime.revenue.weeks = 8)", () => {
    const needed = usersNeeded(revenue, 0.3, 0.8)!;
    expect(needed).toBeGreaterThan(7 * 4500);
    expect(needed).toBeLessThanOrEqual(8 * 4500);
    expect(daysNeeded(needed, 4500 / 7)).toBeGreaterThan(49);
    expect(daysNeeded(needed, 4500 / 7)).toBeLessThanOrEqual(56);
  });
});

describe("planning behaviour", () => {
  it("users needed is the first whole number per arm whose power reaches the target", () => {
    const needed = usersNeeded(ctr, 0.05, 0.8)!;
    expect(needed % 3).toBe(0);
    expect(power(ctr, needed, 0.05)).toBeGreaterThanOrEqual(0.8);
    expect(power(ctr, needed - 3, 0.05)).toBeLessThan(0.8);
  });

  it("a zero effect can never be detected, and too few users give no MDE", () => {
    expect(usersNeeded(ctr, 0, 0.8)).toBeNull();
    expect(minimumDetectableEffect(revenue, 30, 0.8)).toBeNull();
  });

  it("sequential plans need more users than fixed-horizon ones", () => {
    expect(usersNeeded({ ...ctr, sequentialTuning: 5000 }, 0.05, 0.8)!).toBeGreaterThan(usersNeeded(ctr, 0.05, 0.8)!);
  });
});
