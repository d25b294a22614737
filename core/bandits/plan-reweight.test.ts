import { describe, expect, it } from "vitest";
import { planReweight, splitCoverage } from "./plan-reweight";
import { seededRandom } from "./random";

const arm = (name: string, users: number, conversions: number, trafficAllocation: number) => ({
  variantId: `id-${name}`,
  name,
  users,
  sum: conversions,
  sumSquares: conversions,
  trafficAllocation,
});

describe("planReweight", () => {
  const settings = { floorPercent: 5, burnInUsers: 100 };

  it("waits for the burn-in and names the variants short of it", () => {
    const plan = planReweight({ arms: [arm("control", 120, 10, 50), arm("b", 80, 9, 50)], metricKind: "binomial", lowerIsBetter: false, settings, random: seededRandom(1) });
    expect(plan.kind).toBe("burn-in");
    if (plan.kind !== "burn-in") return;
    expect(plan.short).toEqual([{ name: "b", users: 80 }]);
    expect(plan.message).toContain('"b" has 80');
  });

  it("keeps the experiment's coverage and sets Thompson weights above the floor", () => {
    // P(best) for 10/100 vs 15/100 is 0.146716 / 0.853284 (Evan Miller's closed form, see thompson.test.ts); both
    // above the 5% floor, so on a coverage of 80% the allocations are 80 × those shares, to the hundredth.
    const plan = planReweight({ arms: [arm("control", 100, 10, 40), arm("b", 100, 15, 40)], metricKind: "binomial", lowerIsBetter: false, settings, random: seededRandom(1) });
    expect(plan.kind).toBe("weights");
    if (plan.kind !== "weights") return;
    expect(plan.arms.map((a) => a.trafficAllocation)).toEqual([11.74, 68.26]);
    expect(plan.arms[1]!.probabilityBest).toBeCloseTo(0.853283789933966, 7);
    expect(plan.arms[0]!.mean).toBeCloseTo(0.1, 12);
  });

  it("holds a losing arm at the floor", () => {
    const plan = planReweight({ arms: [arm("control", 5000, 250, 50), arm("b", 5000, 400, 50)], metricKind: "binomial", lowerIsBetter: false, settings, random: seededRandom(1) });
    if (plan.kind !== "weights") throw new Error(plan.kind);
    expect(plan.arms.map((a) => a.trafficAllocation)).toEqual([5, 95]);
  });

  it("refuses without traffic", () => {
    expect(planReweight({ arms: [arm("a", 500, 1, 0), arm("b", 500, 2, 0)], metricKind: "binomial", lowerIsBetter: false, settings, random: seededRandom(1) }).kind).toBe("no-traffic");
  });
});

describe("splitCoverage", () => {
  it.each([
    { coverage: 100, weights: [1 / 3, 1 / 3, 1 / 3], expected: [33.34, 33.33, 33.33] },
    { coverage: 50, weights: [0.5, 0.25, 0.25], expected: [25, 12.5, 12.5] },
    { coverage: 33.3 + 33.3 + 33.4, weights: [0.123456, 0.876544], expected: [12.35, 87.65] },
  ])("$coverage% by $weights", ({ coverage, weights, expected }) => {
    const result = splitCoverage(coverage, weights);
    expect(result).toEqual(expected);
    expect(Math.round(result.reduce((s, a) => s + a, 0) * 100)).toBe(Math.round(coverage * 100));
  });
});
