/**
 * Reference cases for the always-valid confidence sequence, copied from GrowthBook's
 * packages/stats/tests/frequentist/test_tests.py (TestSequentialTTest), printed to 5 decimals.
 */
import { describe, expect, it } from "vitest";
import { analyseVariants } from "./analyse-variants";
import { cupedArm, cupedEffectMoments } from "./cuped";
import { isNoEffect } from "./effect";
import { sequentialTest } from "./sequential";

const control = { users: 3000, sum: 1396.87, sumSquares: 52377.9767 };
const treatment = { users: 3461, sum: 2422.7, sumSquares: 134698.29 };

describe("sequential test reproduces GrowthBook's published values", () => {
  it("test_sequential_test_runs: tuning 1000, mean metric", () => {
    const [, row] = analyseVariants([{ name: "c", isControl: true, ...control }, { name: "t", ...treatment }], {
      metricType: "mean",
      engine: "sequential",
      sequentialTuning: 1000,
    }).variants;
    expect(row!.relativeEffect).toBeCloseTo(0.50336, 5);
    expect(row!.ciLower).toBeCloseTo(-0.55844, 5);
    expect(row!.ciUpper).toBeCloseTo(1.56516, 5);
    expect(row!.standardError).toBeCloseTo(0.33341, 5);
    expect(row!.pValue).toBeCloseTo(1, 5);
  });

  it("test_sequential_test_runs_prop: default tuning 5000, binomial metric", () => {
    const [, row] = analyseVariants(
      [
        { name: "c", isControl: true, users: 3000, sum: 1396, sumSquares: 1396 },
        { name: "t", users: 3461, sum: 2422, sumSquares: 2422 },
      ],
      { metricType: "binomial", engine: "sequential" },
    ).variants;
    expect(row!.relativeEffect).toBeCloseTo(0.50386, 5);
    expect(row!.ciLower).toBeCloseTo(0.40098, 5);
    expect(row!.ciUpper).toBeCloseTo(0.60675, 5);
    expect(row!.standardError).toBeCloseTo(0.03386, 5);
    expect(row!.pValue).toBeCloseTo(0, 5);
  });

  it("test_sequential_test_runs_ra: regression adjustment with θ = 0.5", () => {
    const c = cupedArm("mean", { ...control, pre: { sum: 16.87, sumSquares: 527.9767, sumProduct: 12525 } });
    const t = cupedArm("mean", { ...treatment, pre: { sum: 22.7, sumSquares: 1348.29, sumProduct: 3333 } });
    const effect = cupedEffectMoments(c, t, 0.5, "relative");
    if (isNoEffect(effect)) throw new Error(effect.warning);
    const outcome = sequentialTest(effect, control.users + treatment.users, 0.05, "two");
    expect(effect.estimate).toBeCloseTo(0.50236, 5);
    expect(Math.sqrt(effect.variance)).toBeCloseTo(0.3093, 5);
    expect(outcome.interval.lower).toBeCloseTo(-0.43745, 5);
    expect(outcome.interval.upper).toBeCloseTo(1.44217, 5);
    expect(outcome.pValue).toBeCloseTo(1, 5);
  });
});

describe("sequential test behaviour (GrowthBook test_sequential_test_tuning_as_expected)", () => {
  const intervalAt = (tuning: number) =>
    analyseVariants([{ name: "c", isControl: true, ...control }, { name: "t", ...treatment }], { metricType: "mean", engine: "sequential", sequentialTuning: tuning }).variants[1]!;

  it("is narrowest when tuned near the sample size, and widest when tuned far below it", () => {
    const below = intervalAt(10);
    const near = intervalAt(6461);
    const above = intervalAt(10000);
    expect(below.ciLower!).toBeLessThan(above.ciLower!);
    expect(below.ciUpper!).toBeGreaterThan(above.ciUpper!);
    expect(above.ciLower!).toBeLessThan(near.ciLower!);
    expect(above.ciUpper!).toBeGreaterThan(near.ciUpper!);
  });

  it("is always wider than the fixed-horizon interval at the same α", () => {
    const fixed = analyseVariants([{ name: "c", isControl: true, ...control }, { name: "t", ...treatment }], { metricType: "mean" }).variants[1]!;
    const sequential = intervalAt(5000);
    expect(sequential.ciUpper! - sequential.ciLower!).toBeGreaterThan(fixed.ciUpper! - fixed.ciLower!);
  });

  it("one-sided: open on one end, and its p-value is below α exactly when the bound excludes zero", () => {
    const strong = { users: 5000, sum: 2600, sumSquares: 2600 };
    const base = { users: 5000, sum: 2400, sumSquares: 2400 };
    for (const [sided, open] of [["greater", "ciUpper"], ["less", "ciLower"]] as const) {
      const [, row] = analyseVariants([{ name: "c", isControl: true, ...base }, { name: "t", ...strong }], { metricType: "binomial", engine: "sequential", sided }).variants;
      expect(row![open]).toBeNull();
      const excludesZero = sided === "greater" ? row!.ciLower! > 0 : row!.ciUpper! < 0;
      expect(row!.pValue! < 0.05).toBe(excludesZero);
    }
  });
});
