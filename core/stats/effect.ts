/**
 * The treatment-versus-control effect and its standard error, the moments every engine starts from
 * (GrowthBook, "Statistical details", https://docs.growthbook.io/statistics/details).
 *
 * - Absolute: m_t − m_c, variance v_t/n_t + v_c/n_c.
 * - Relative: (m_t − m_c)/|m_c| by the delta method without a covariance term,
 *   variance v_t/(n_t m_c²) + v_c m_t²/(n_c m_c⁴) (DESIGN §6; gbstats `frequentist_variance`).
 * - Degrees of freedom: Welch–Satterthwaite on the per-arm absolute variances (Welch 1947,
 *   Biometrika 34(1–2):28–35; Satterthwaite 1946), for the relative effect too.
 */
import type { ArmMoments } from "./moments";

export type Difference = "relative" | "absolute";

export interface EffectMoments {
  estimate: number;
  /** The variance of the estimate: the standard error squared. */
  variance: number;
  dof: number;
}

/** Why an effect has no estimate; shown to users as the row's `warning`. */
export interface NoEffect {
  warning: string;
}

export function isNoEffect<T extends object>(value: T | NoEffect): value is NoEffect {
  return "warning" in value;
}

/** Welch–Satterthwaite degrees of freedom from per-arm variances of the mean (v/n) and user counts. */
export function welchSatterthwaiteDof(control: ArmMoments, treatment: ArmMoments): number {
  const c = control.variance / control.users;
  const t = treatment.variance / treatment.users;
  const denominator = (c * c) / (control.users - 1) + (t * t) / (treatment.users - 1);
  return denominator > 0 ? ((c + t) * (c + t)) / denominator : Number.POSITIVE_INFINITY;
}

/**
 * Effect moments. `controlBaseline` is the control mean a relative effect divides by: the arm's own mean,
 * or for CUPED the unadjusted control mean while `control` and `treatment` carry adjusted means (DESIGN §6).
 */
/** Shown when sums near the limits of double precision overflow on the way to a statistic. */
export const OVERFLOW_WARNING = "These sums are too large to compute with in double precision; rescale the metric.";
const ZERO_VARIANCE_WARNING = "Both variants have zero variance, so there is no standard error.";

/** The effect, unless its variance is zero (nothing to test) or not finite (overflow). */
export function checkedMoments(estimate: number, variance: number, dof: number): EffectMoments | NoEffect {
  if (!Number.isFinite(estimate) || !Number.isFinite(variance)) return { warning: OVERFLOW_WARNING };
  if (!(variance > 0)) return { warning: ZERO_VARIANCE_WARNING };
  return { estimate, variance, dof };
}

export function effectMoments(
  control: ArmMoments,
  treatment: ArmMoments,
  difference: Difference,
  controlBaseline: number = control.mean,
): EffectMoments | NoEffect {
  if (control.users < 2 || treatment.users < 2) return { warning: "Each variant needs at least 2 users for a comparison." };
  const absolute = treatment.mean - control.mean;
  const dof = welchSatterthwaiteDof(control, treatment);
  if (difference === "absolute") return checkedMoments(absolute, treatment.variance / treatment.users + control.variance / control.users, dof);
  if (controlBaseline === 0) return { warning: "The control mean is zero, so a relative effect is undefined." };
  // v_t/(n_t m_c²) + v_c m_t²/(n_c m_c⁴), arranged so that m_c⁴ never overflows on its own.
  const ratio = treatment.mean / controlBaseline;
  const variance = (treatment.variance / treatment.users + (control.variance / control.users) * ratio * ratio) / (controlBaseline * controlBaseline);
  return checkedMoments(absolute / Math.abs(controlBaseline), variance, dof);
}
