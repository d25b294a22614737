/**
 * Reference cases for the Gaussian effect model. Expected values: R 4.2.2, computed independently of our
 * closed forms, by numerical integration: risk = integrate(function(x) pmax(x, 0) * dnorm(x, μ, σ), ...),
 * chance to win = pnorm(0, μ, σ, lower.tail = FALSE), interval = qnorm(c(0.025, 0.975), μ, σ); and with a
 * prior, the posterior by integrating likelihood × prior (rel.tol = 1e-12). Printed to 15 significant digits.
 */
import { describe, expect, it } from "vitest";
import { bayesianEffect } from "./bayesian";

interface Case {
  estimate: number;
  sd: number;
  prior: { mean: number; variance: number } | null;
  chanceToWin: number;
  riskChooseControl: number;
  riskChooseTreatment?: number;
  interval?: [number, number];
  posteriorMean?: number;
}

const cases: Case[] = [
  { estimate: 0.05, sd: 0.02, prior: null, chanceToWin: 0.993790334674224, riskChooseControl: 0.0500400827435826, riskChooseTreatment: 4.0082743582564e-5, interval: [0.0108007203091989, 0.0891992796908011] },
  { estimate: -0.013, sd: 0.01, prior: null, chanceToWin: 0.0968004845856104, riskChooseControl: 0.000455279620873067, riskChooseTreatment: 0.0134552796208731, interval: [-0.0325996398454005, 0.00659963984540054] },
  { estimate: 0.0012, sd: 0.004, prior: null, chanceToWin: 0.617911422188953, riskChooseControl: 0.0022670449684687, riskChooseTreatment: 0.0010670449684687, interval: [-0.00663985593816022, 0.00903985593816021] },
  { estimate: 0.05, sd: 0.03, prior: { mean: 0, variance: 0.01 }, chanceToWin: 0.944797691822683, riskChooseControl: 0.0465451383442022, posteriorMean: 0.0458715596330275 },
  { estimate: -0.02, sd: 0.015, prior: { mean: 0.01, variance: 0.0004 }, chanceToWin: 0.221639863544254, riskChooseControl: 0.00152917734346649, posteriorMean: -0.0092 },
];

describe("Bayesian effect reproduces R's numerical integration", () => {
  it.each(cases.map((c) => [`N(${c.estimate}, ${c.sd}²), prior ${JSON.stringify(c.prior)}`, c] as const))("%s", (_, c) => {
    const outcome = bayesianEffect({ estimate: c.estimate, variance: c.sd * c.sd }, { prior: c.prior, alpha: 0.05, sided: "two", lowerIsBetter: false });
    expect(outcome.chanceToWin).toBeCloseTo(c.chanceToWin, 10);
    expect(outcome.riskChooseControl).toBeCloseTo(c.riskChooseControl, 10);
    if (c.riskChooseTreatment !== undefined) expect(outcome.riskChooseTreatment).toBeCloseTo(c.riskChooseTreatment, 10);
    if (c.interval) {
      expect(outcome.interval.lower!).toBeCloseTo(c.interval[0], 10);
      expect(outcome.interval.upper!).toBeCloseTo(c.interval[1], 10);
    }
    if (c.posteriorMean !== undefined) expect(outcome.posteriorMean).toBeCloseTo(c.posteriorMean, 10);
  });

  it("lower is better: flips the chance to win and swaps the risks (R values of the first case)", () => {
    const outcome = bayesianEffect({ estimate: 0.05, variance: 0.02 ** 2 }, { prior: null, alpha: 0.05, sided: "two", lowerIsBetter: true });
    expect(outcome.chanceToWin).toBeCloseTo(1 - 0.993790334674224, 10);
    expect(outcome.riskChooseControl).toBeCloseTo(4.0082743582564e-5, 10);
    expect(outcome.riskChooseTreatment).toBeCloseTo(0.0500400827435826, 10);
  });

  it("one-sided credible bound: open at the far end, at the α quantile (R: qnorm(0.05, 0.05, 0.02) = 0.0171029274609706)", () => {
    const outcome = bayesianEffect({ estimate: 0.05, variance: 0.02 ** 2 }, { prior: null, alpha: 0.05, sided: "greater", lowerIsBetter: false });
    expect(outcome.interval.upper).toBeNull();
    expect(outcome.interval.lower!).toBeCloseTo(0.0171029274609706, 10);
  });
});
