/**
 * Multi-arm Bayesian comparison of binomial arms for bandits: each arm's conversion rate has the Beta(1 + c,
 * 1 + n − c) posterior of a uniform prior (Bayes–Laplace), and with X_i independent,
 *   P(arm i is best) = ∫ f_i(x) Π_{j≠i} F_j(x) dx,
 *   expected loss of arm i = E[max_j X_j] − E[X_i],  E[max_j X_j] = ∫₀¹ (1 − Π_j F_j(x)) dx,
 * (Scott, "A modern Bayesian look at the multi-armed bandit", Appl. Stoch. Models Bus. Ind. 26 (2010) 639–658;
 * the loss as in Stucchio, "Bayesian A/B testing at VWO", 2015). Both are one-dimensional integrals, computed
 * by composite Simpson quadrature over the range where the posteriors have mass.
 */
import { betaCdf, betaPdf } from "./distributions";

export interface BinomialArm {
  users: number;
  conversions: number;
}

export interface ArmChance {
  probabilityBest: number;
  expectedLoss: number;
}

/** Intervals of the composite Simpson rule; the range is a few dozen posterior sds wide, so this is ample. */
const INTERVALS = 4000;
const SPAN_SDS = 12;

function posteriorParameters(arm: BinomialArm): { a: number; b: number } {
  return { a: 1 + arm.conversions, b: 1 + arm.users - arm.conversions };
}

export function bestArmProbabilities(arms: readonly BinomialArm[]): ArmChance[] {
  const params = arms.map(posteriorParameters);
  // Integrate where any posterior has mass: its mean ± 12 sds, clipped to [0, 1].
  let lo = 1;
  let hi = 0;
  for (const { a, b } of params) {
    const mean = a / (a + b);
    const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
    lo = Math.min(lo, Math.max(0, mean - SPAN_SDS * sd));
    hi = Math.max(hi, Math.min(1, mean + SPAN_SDS * sd));
  }
  const h = (hi - lo) / INTERVALS;
  const best = new Array<number>(arms.length).fill(0);
  // ∫₀¹(1 − ΠF) = lo + ∫_lo^hi (1 − ΠF): below lo every CDF is 0 to machine precision, above hi every one is 1.
  let expectedMax = lo;
  for (let step = 0; step <= INTERVALS; step++) {
    const x = lo + step * h;
    const weight = (step === 0 || step === INTERVALS ? 1 : step % 2 === 1 ? 4 : 2) * (h / 3);
    const cdfs = params.map(({ a, b }) => betaCdf(x, a, b));
    const product = cdfs.reduce((p, f) => p * f, 1);
    expectedMax += weight * (1 - product);
    params.forEach(({ a, b }, i) => {
      const others = cdfs.reduce((p, f, j) => (j === i ? p : p * f), 1);
      best[i]! += weight * betaPdf(x, a, b) * others;
    });
  }
  return params.map(({ a, b }, i) => ({ probabilityBest: best[i]!, expectedLoss: Math.max(0, expectedMax - a / (a + b)) }));
}
