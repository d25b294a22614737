/**
 * Reference cases for the multi-arm Beta comparison: R 4.2.2 `integrate()` of dbeta × Π pbeta over [0, 1]
 * (rel.tol = 1e-12), and for two arms Evan Miller's closed form ("Formulas for Bayesian A/B Testing", 2015:
 * P(B > A) = Σ_{i<α_B} B(α_A + i, β_A + β_B) / ((β_B + i) B(1 + i, β_B) B(α_A, β_A))), evaluated in R.
 */
import { describe, expect, it } from "vitest";
import { bestArmProbabilities } from "./best-arm";

const cases = [
  { source: "R integrate, 10/100 vs 15/100 (= Miller's closed form 0.853283789933966)", arms: [[100, 10], [100, 15]], best: [0.146716210066034, 0.853283789933966], loss: [0.0525976959738483, 0.00357808813071109] },
  { source: "R integrate, three arms 100, 120, 90 of 1000", arms: [[1000, 100], [1000, 120], [1000, 90]], best: [0.0747492321288081, 0.914687938523097, 0.0105628293480953], loss: [0.0204918395308408, 0.000531759690521452, 0.0304718794510005] },
  { source: "R integrate, 1000/20000 vs 1060/20000", arms: [[20000, 1000], [20000, 1060]], best: [0.087374639337609, 0.912625360662392], loss: [0.00308874423705716, 8.90442070601571e-5] },
];

describe("probability of being best and expected loss reproduce R", () => {
  it.each(cases.map((c) => [c.source, c] as const))("%s", (_, c) => {
    const result = bestArmProbabilities(c.arms.map(([users, conversions]) => ({ users: users!, conversions: conversions! })));
    c.best.forEach((p, i) => expect(result[i]!.probabilityBest).toBeCloseTo(p, 7));
    c.loss.forEach((l, i) => expect(result[i]!.expectedLoss).toBeCloseTo(l, 7));
  });

  it("probabilities sum to 1", () => {
    const result = bestArmProbabilities([{ users: 50, conversions: 5 }, { users: 60, conversions: 9 }, { users: 40, conversions: 2 }, { users: 70, conversions: 10 }]);
    expect(result.reduce((sum, arm) => sum + arm.probabilityBest, 0)).toBeCloseTo(1, 7);
  });
});
