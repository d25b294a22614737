/**
 * The Gaussian effect model (DESIGN §6; GrowthBook `EffectBayesianABTest`, documented at
 * https://docs.growthbook.io/statistics/details#bayesian-engine): the effect estimate is Normal(Δ̂, SE²)
 * given the true effect, the prior is flat or Normal(μ₀, σ₀²), and the posterior is their precision-weighted
 * combination. For X ~ N(μ, σ²): P(X > 0) = Φ(μ/σ) and E[max(X, 0)] = μΦ(μ/σ) + σφ(μ/σ) (the mean of a
 * censored normal; e.g. Johnson, Kotz and Balakrishnan, Continuous Univariate Distributions, vol. 1, §10.1).
 */
import { normalCdf, normalPdf, normalQuantile } from "./distributions";
import type { EffectMoments } from "./effect";
import { type EffectInterval, type Sided, intervalAround } from "./interval";

/** A normal prior on the effect: a mean and a variance (not a standard deviation). */
export interface NormalPrior {
  mean: number;
  variance: number;
}

export interface BayesianOutcome {
  posteriorMean: number;
  posteriorVariance: number;
  /** P(the treatment is better): P(effect > 0), or P(effect < 0) when lower is better. */
  chanceToWin: number;
  /** Equal-tailed credible interval at 1 − α (one-sided intervals leave one end open). */
  interval: EffectInterval;
  /** Expected loss of keeping control, in the effect's units. */
  riskChooseControl: number;
  /** Expected loss of shipping the treatment, in the effect's units. */
  riskChooseTreatment: number;
}

/** Precision weighting of the likelihood N(estimate, variance) with a normal prior; a flat prior leaves it unchanged. */
export function posterior(effect: Pick<EffectMoments, "estimate" | "variance">, prior: NormalPrior | null): { mean: number; variance: number } {
  if (!prior) return { mean: effect.estimate, variance: effect.variance };
  const precision = 1 / effect.variance + 1 / prior.variance;
  return { mean: (effect.estimate / effect.variance + prior.mean / prior.variance) / precision, variance: 1 / precision };
}

/** E[max(X, 0)] for X ~ N(mean, sd²). */
export function positivePartMean(mean: number, sd: number): number {
  const z = mean / sd;
  return mean * normalCdf(z) + sd * normalPdf(z);
}

export function bayesianEffect(
  effect: Pick<EffectMoments, "estimate" | "variance">,
  options: { prior: NormalPrior | null; alpha: number; sided: Sided; lowerIsBetter: boolean },
): BayesianOutcome {
  const post = posterior(effect, options.prior);
  const sd = Math.sqrt(post.variance);
  const gain = positivePartMean(post.mean, sd);
  const loss = positivePartMean(-post.mean, sd);
  const pPositive = normalCdf(post.mean / sd);
  const quantile = normalQuantile(1 - (options.sided === "two" ? options.alpha / 2 : options.alpha));
  return {
    posteriorMean: post.mean,
    posteriorVariance: post.variance,
    chanceToWin: options.lowerIsBetter ? 1 - pPositive : pPositive,
    interval: intervalAround(post.mean, quantile * sd, options.sided),
    riskChooseControl: options.lowerIsBetter ? loss : gain,
    riskChooseTreatment: options.lowerIsBetter ? gain : loss,
  };
}
