/** Reference cases for the sample-ratio-mismatch check: R 4.2.2 `chisq.test(x, p = w)` and GrowthBook's `check_srm`. */
import { describe, expect, it } from "vitest";
import { sampleRatioMismatch } from "./srm";

const cases = [
  { source: "GrowthBook tests/test_gbstats.py test_srm (9 decimals)", users: [1000, 1200], weights: [0.5, 0.5], chiSquare: null, pValue: 0.000020079, decimals: 9 },
  { source: "R chisq.test(c(1000, 1200), p = c(.5, .5))", users: [1000, 1200], weights: [0.5, 0.5], chiSquare: 18.1818181818182, pValue: 2.00786561242648e-5, decimals: 12 },
  { source: "R chisq.test(c(5000, 5100, 4800), p = rep(1/3, 3))", users: [5000, 5100, 4800], weights: [1, 1, 1], chiSquare: 9.39597315436242, pValue: 0.00911360818807675, decimals: 12 },
  { source: "R chisq.test(c(2100, 900), p = c(.7, .3))", users: [2100, 900], weights: [0.7, 0.3], chiSquare: 0, pValue: 1, decimals: 12 },
  { source: "R chisq.test(c(821, 1650, 2529), p = c(.2, .3, .5))", users: [821, 1650, 2529], weights: [0.2, 0.3, 0.5], chiSquare: 47.3774, pValue: 5.15380884531505e-11, decimals: 12 },
];

describe("SRM reproduces published values", () => {
  it.each(cases.map((c) => [c.source, c] as const))("%s", (_, c) => {
    const result = sampleRatioMismatch(c.users, c.weights)!;
    if (c.chiSquare !== null) expect(result.chiSquare).toBeCloseTo(c.chiSquare, 10);
    expect(result.pValue).toBeCloseTo(c.pValue, c.decimals);
  });

  it("drops arms expected to get no traffic (same answer as R on the rest)", () => {
    expect(sampleRatioMismatch([1000, 1200, 37], [0.5, 0.5, 0])!.pValue).toBeCloseTo(2.00786561242648e-5, 12);
  });

  it("has nothing to say with no users", () => {
    expect(sampleRatioMismatch([0, 0], [0.5, 0.5])).toBeNull();
  });
});
