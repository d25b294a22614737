/**
 * Reference cases for CUPED. R 4.2.2: a seeded synthetic data set (set.seed(20261202); 400 control and 420
 * treatment users, pre ~ Gamma(2, 0.5), post = 0.8·pre + Normal, rounded to cents) whose sums R printed;
 * θ from `lm(post ~ pre)` on both arms together, and `t.test(post_t − θ·pre_t, post_c − θ·pre_c)` on the
 * adjusted per-user values. The engine gets only the sums.
 */
import { describe, expect, it } from "vitest";
import { analyseVariants } from "./analyse-variants";
import { pooledTheta } from "./cuped";

const control = { users: 400, sum: 2446.43, sumSquares: 18804.2657, pre: { sum: 1498.66, sumSquares: 8686.18, sumProduct: 11741.205 } };
const treatment = { users: 420, sum: 2739.73, sumSquares: 21238.0433, pre: { sum: 1644.13, sumSquares: 9460.9393, sumProduct: 13031.2193 } };

describe("CUPED reproduces R on the per-user adjusted values", () => {
  it("θ pooled over both arms equals R's lm slope 0.802312190593753", () => {
    expect(pooledTheta(control, treatment)).toBeCloseTo(0.802312190593753, 10);
  });

  it("two-sided absolute effect: R t.test p = 0.0528581565065673, 95% CI [-0.00336796260373074, 0.548062272185104]", () => {
    const [, row] = analyseVariants([{ name: "c", isControl: true, ...control }, { name: "t", ...treatment }], { metricType: "mean", difference: "absolute" }).variants;
    expect(row!.pValue).toBeCloseTo(0.0528581565065673, 10);
    expect(row!.ciLower).toBeCloseTo(-0.00336796260373074, 10);
    expect(row!.ciUpper).toBeCloseTo(0.548062272185104, 10);
  });

  it("one-sided 'greater': R t.test p = 0.0264290782532836, CI [0.04104087819766, Inf)", () => {
    const [, row] = analyseVariants([{ name: "c", isControl: true, ...control }, { name: "t", ...treatment }], { metricType: "mean", difference: "absolute", sided: "greater" }).variants;
    expect(row!.pValue).toBeCloseTo(0.0264290782532836, 10);
    expect(row!.ciLower).toBeCloseTo(0.04104087819766, 10);
    expect(row!.ciUpper).toBeNull();
  });

  it("narrows the interval against the unadjusted analysis, and keeps the unadjusted means in the rows", () => {
    const adjusted = analyseVariants([{ name: "c", isControl: true, ...control }, { name: "t", ...treatment }], { metricType: "mean" }).variants[1]!;
    const plain = analyseVariants([{ name: "c", isControl: true, ...control, pre: undefined }, { name: "t", ...treatment, pre: undefined }], { metricType: "mean" }).variants[1]!;
    expect(adjusted.standardError!).toBeLessThan(plain.standardError!);
    expect(adjusted.mean).toBe(plain.mean);
  });
});
