/**
 * CUPED regression adjustment (Deng, Xu, Kohavi and Walker, "Improving the sensitivity of online controlled
 * experiments by utilizing pre-experiment data", WSDM 2013; GrowthBook `RegressionAdjustedStatistic`):
 * θ = cov(post, pre) / var(pre) pooled over both arms (n − 1), each arm's mean becomes post − θ·pre with
 * variance v_post + θ² v_pre − 2θ cov, and the relative effect divides by the unadjusted control mean.
 *
 * The relative effect's variance is DESIGN §6's delta method with each arm's adjusted variance and the
 * unadjusted means, v_t/(n_t m_c²) + v_c m_t²/(n_c m_c⁴), as gbstats computed it when it published the
 * reference values our tests reproduce (`test_sequential_test_runs_ra`). Later gbstats versions add the
 * covariance of the control's adjusted and unadjusted means; docs/decisions/ says why we keep the contract.
 */
import { type Difference, type EffectMoments, type NoEffect, effectMoments, isNoEffect } from "./effect";
import { type ArmMoments, type ArmTotals, type MetricKind, type PrePeriodTotals, armMoments, sampleCovariance, sampleVariance } from "./moments";

export interface CupedArm {
  post: ArmMoments;
  preMean: number;
  preVariance: number;
  covariance: number;
}

export function cupedArm(kind: MetricKind, totals: ArmTotals & { pre: PrePeriodTotals }): CupedArm {
  const { users, pre } = totals;
  return {
    post: armMoments(kind, totals),
    preMean: users > 0 ? pre.sum / users : 0,
    preVariance: sampleVariance(users, pre.sum, pre.sumSquares),
    covariance: sampleCovariance(users, totals.sum, pre.sum, pre.sumProduct),
  };
}

/** θ pooled over both arms: the regression slope of post on pre with the two arms' users as one sample. */
export function pooledTheta(a: ArmTotals & { pre: PrePeriodTotals }, b: ArmTotals & { pre: PrePeriodTotals }): number {
  const users = a.users + b.users;
  const preVariance = sampleVariance(users, a.pre.sum + b.pre.sum, a.pre.sumSquares + b.pre.sumSquares);
  if (!(preVariance > 0)) return 0;
  return sampleCovariance(users, a.sum + b.sum, a.pre.sum + b.pre.sum, a.pre.sumProduct + b.pre.sumProduct) / preVariance;
}

/** The adjusted arm: mean post − θ·pre and variance v_post + θ² v_pre − 2θ cov (clamped at 0 against rounding). */
export function adjustedMoments(arm: CupedArm, theta: number): ArmMoments {
  return {
    users: arm.post.users,
    mean: arm.post.mean - theta * arm.preMean,
    variance: Math.max(0, arm.post.variance + theta * theta * arm.preVariance - 2 * theta * arm.covariance),
  };
}

export function cupedEffectMoments(control: CupedArm, treatment: CupedArm, theta: number, difference: Difference): EffectMoments | NoEffect {
  // The unadjusted means go into the delta method; the adjusted variances carry the reduction.
  const c = { ...control.post, variance: adjustedMoments(control, theta).variance };
  const t = { ...treatment.post, variance: adjustedMoments(treatment, theta).variance };
  const moments = effectMoments(c, t, difference);
  if (isNoEffect(moments)) return moments;
  const adjustedDifference = adjustedMoments(treatment, theta).mean - adjustedMoments(control, theta).mean;
  return { ...moments, estimate: difference === "absolute" ? adjustedDifference : adjustedDifference / Math.abs(control.post.mean) };
}
