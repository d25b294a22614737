/** The entry point: rows, corrections, guards, and what degenerate and impossible input get. */
import { describe, expect, it } from "vitest";
import { InvalidAnalysisInput } from "./analysis-input";
import { analyseVariants } from "./analyse-variants";

const control = { name: "control", isControl: true, users: 3407, sum: 1396.87, sumSquares: 52377.9767 };
const treatment = { name: "treatment", users: 3461, sum: 2422.7, sumSquares: 134698.29 };

function noNonFinite(value: unknown): void {
  expect(JSON.stringify(value, (_, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? "NON-FINITE" : v))).not.toContain("NON-FINITE");
}

describe("analyseVariants", () => {
  it("gives the control row no effect fields and every treatment row its effect", () => {
    const { variants } = analyseVariants([control, treatment], { metricType: "mean" });
    expect(variants[0]).toMatchObject({ variant: "control", isControl: true, users: 3407, relativeEffect: null, pValue: null, significant: null });
    expect(variants[0]!.mean).toBeCloseTo(0.41, 12);
    expect(variants[1]).toMatchObject({ variant: "treatment", isControl: false });
  });

  it("adjusts p-values across treatment rows (Holm by default), monotone and capped at 1", () => {
    const third = { name: "third", users: 3300, sum: 1400, sumSquares: 55000 };
    const { variants } = analyseVariants([control, treatment, third], { metricType: "mean" });
    const [p1, p2] = [variants[1]!.pValue!, variants[2]!.pValue!];
    const [small, large] = p1 < p2 ? [1, 2] : [2, 1];
    const smallest = Math.min(p1, p2);
    // Holm with m = 2: the smaller p doubles, the larger stays itself unless that breaks monotonicity.
    expect(variants[small]!.adjustedPValue).toBeCloseTo(Math.min(1, 2 * smallest), 12);
    expect(variants[large]!.adjustedPValue).toBeCloseTo(Math.min(1, Math.max(2 * smallest, Math.max(p1, p2))), 12);
    const none = analyseVariants([control, treatment, third], { metricType: "mean", correction: "none" }).variants;
    expect(none[1]!.adjustedPValue).toBe(none[1]!.pValue);
  });

  it("Bayesian rows carry chance to win and risks, no p-values", () => {
    const [, row] = analyseVariants([control, treatment], { metricType: "mean", engine: "bayesian" }).variants;
    expect(row!.pValue).toBeNull();
    expect(row!.chanceToWin).toBeGreaterThan(0.9);
    expect(row!.riskChooseControl!).toBeGreaterThan(row!.riskChooseTreatment!);
  });

  it("adds SRM when weights are given, with a warning below p = 0.001", () => {
    const result = analyseVariants([{ ...control, users: 1000, weight: 0.5 }, { ...treatment, users: 1200, weight: 0.5 }], { metricType: "mean" });
    expect(result.srm!.pValue).toBeCloseTo(2.00786561242648e-5, 12);
    expect(result.srm!.warning).toMatch(/Sample ratio mismatch/);
    expect(analyseVariants([control, treatment], { metricType: "mean" }).srm).toBeUndefined();
  });

  it("gives no verdict before the minimum sample size", () => {
    const [, row] = analyseVariants([control, treatment], { metricType: "mean", difference: "absolute", minimumSampleSize: 5000 }).variants;
    expect(row!.pValue).toBeCloseTo(0.02016, 5);
    expect(row!.significant).toBeNull();
    expect(row!.warning).toMatch(/5000 users/);
  });

  describe("degenerate but valid data: null fields and a warning, never NaN or Infinity", () => {
    it.each([
      ["zero conversions in both arms", "binomial", { users: 100, sum: 0, sumSquares: 0 }, { users: 100, sum: 0, sumSquares: 0 }, /control mean is zero/],
      ["zero variance in both arms (absolute)", "mean", { users: 10, sum: 50, sumSquares: 250 }, { users: 10, sum: 50, sumSquares: 250 }, /zero variance/],
      ["a control mean of zero", "mean", { users: 10, sum: 0, sumSquares: 4 }, { users: 10, sum: 3, sumSquares: 5 }, /control mean is zero/],
      ["a variant with no users", "mean", { users: 10, sum: 5, sumSquares: 9 }, { users: 0, sum: 0, sumSquares: 0 }, /at least 2 users/],
    ] as const)("%s", (label, kind, c, t, warning) => {
      const difference = label.includes("absolute") ? "absolute" : "relative";
      for (const engine of ["frequentist", "sequential", "bayesian"] as const) {
        const result = analyseVariants([{ name: "c", isControl: true, ...c }, { name: "t", ...t }], { metricType: kind, engine, difference });
        noNonFinite(result);
        expect(result.variants[1]).toMatchObject({ ciLower: null, pValue: null, chanceToWin: null, significant: null });
        expect(result.variants[1]!.warning).toMatch(warning);
      }
    });
  });

  it("withdraws statistics that overflow double precision rather than report Infinity", () => {
    // A control mean of 1e-200 with a variance of 1e199: the relative effect's variance exceeds 1.8e308.
    for (const engine of ["frequentist", "sequential", "bayesian"] as const) {
      const result = analyseVariants([{ name: "c", isControl: true, users: 10, sum: 1e-199, sumSquares: 1e200 }, { name: "t", users: 10, sum: 5, sumSquares: 1e200 }], { metricType: "mean", engine });
      noNonFinite(result);
      expect(result.variants[1]!.warning).toMatch(/too large/);
    }
  });

  describe("impossible statistics are refused, naming the field", () => {
    it.each([
      ["negative users", [control, { ...treatment, users: -1 }], "mean", "variants.1.users"],
      ["conversions above users", [{ ...control, sum: 10, sumSquares: 10, users: 5 }, { ...treatment, users: 10, sum: 1, sumSquares: 1 }], "binomial", "variants.0.sum"],
      ["sum of squares below what the sum allows", [control, { ...treatment, sumSquares: 10 }], "mean", "variants.1.sumSquares"],
      ["one variant", [control], "mean", "variants"],
      ["two controls", [control, { ...treatment, isControl: true }], "mean", "variants"],
      ["no control", [{ ...control, isControl: false }, treatment], "mean", "variants"],
      ["a correlation beyond ±1", [{ ...control, pre: { sum: 10, sumSquares: 100, sumProduct: 1e9 } }, { ...treatment, pre: { sum: 10, sumSquares: 100, sumProduct: 1000 } }], "mean", "variants.0.pre.sumProduct"],
    ] as const)("%s", (_, variants, kind, field) => {
      try {
        analyseVariants(variants, { metricType: kind });
        expect.unreachable("should refuse");
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidAnalysisInput);
        expect((error as InvalidAnalysisInput).issues.map((issue) => issue.path.join("."))).toContain(field);
      }
    });

    it("a non-finite number", () => {
      expect(() => analyseVariants([control, { ...treatment, sum: Number.POSITIVE_INFINITY }], { metricType: "mean" })).toThrow(/variants\.1\.sum/);
    });

    it("alpha outside (0, 1)", () => {
      expect(() => analyseVariants([control, treatment], { metricType: "mean", alpha: 1 })).toThrow(/alpha/);
    });
  });
});
