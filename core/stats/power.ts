/**
 * Planning: power, users needed and minimum detectable effect for a relative effect, following GrowthBook's
 * documented conventions (https://docs.growthbook.io/statistics/power-technical; front-end `power.ts`):
 * a normal approximation (z, not t: R's `power.t.test` uses the noncentral t and answers slightly more users
 * for small samples), N total users split equally over the variations, the same variance σ² in both arms,
 * the treatment mean m(1 + Δ), and the delta-method standard error
 *   σ_Δ² = σ²/(n m²) + σ² m²(1 + Δ)²/(n m⁴), n = N / variations;
 * two-sided power 1 − Φ(z_{1−α/2} − Δ/σ_Δ) + Φ(z_{α/2} − Δ/σ_Δ). Sequential planning inflates σ_Δ by the
 * confidence sequence's multiplier over z_{1−α/2} at 2n users. A binomial metric's σ² is p(1 − p).
 */
import { normalCdf, normalQuantile } from "./distributions";
import type { MetricKind } from "./moments";
import { sequentialMultiplier } from "./sequential";

export interface PlanInput {
  kind: MetricKind;
  /** The baseline mean, or conversion rate for a binomial metric. */
  mean: number;
  /** The per-user variance of a mean metric; a binomial metric's is p(1 − p) and this is ignored. */
  variance?: number;
  alpha: number;
  variations: number;
  /** N* of the sequential test; absent for a fixed-horizon test. */
  sequentialTuning?: number;
}

function metricVariance(input: PlanInput): number {
  return input.kind === "binomial" ? input.mean * (1 - input.mean) : (input.variance ?? 0);
}

/** The variance inflation of a sequential test over a fixed-horizon one at `comparedUsers` (both arms). */
function sequentialInflation(input: PlanInput, comparedUsers: number): number {
  if (input.sequentialTuning === undefined) return 1;
  const ratio = sequentialMultiplier(comparedUsers, input.alpha, input.sequentialTuning, "two") / normalQuantile(1 - input.alpha / 2);
  return ratio * ratio;
}

/** σ_Δ for relative effect `effect` with `totalUsers` across all variations. */
export function planStandardError(input: PlanInput, totalUsers: number, effect: number): number {
  const perArm = totalUsers / input.variations;
  const m = input.mean;
  const v = metricVariance(input);
  const treatmentMean = m * (1 + effect);
  const variance = v / (perArm * m * m) + (v * treatmentMean * treatmentMean) / (perArm * m ** 4);
  return Math.sqrt(variance * sequentialInflation(input, 2 * perArm));
}

/** Two-sided power to detect relative effect `effect` with `totalUsers` users in all. */
export function power(input: PlanInput, totalUsers: number, effect: number): number {
  const z = normalQuantile(1 - input.alpha / 2);
  const standardized = effect / planStandardError(input, totalUsers, effect);
  return 1 - normalCdf(z - standardized) + normalCdf(-z - standardized);
}

/**
 * The smallest positive relative effect reaching `targetPower`, GrowthBook's `findMdeFrequentist`: solve
 * Δ = (z_{1−α/2} + z_{power})·σ_Δ(Δ) for the treatment mean, a quadratic (the far tail is ignored).
 * Null when no effect is detectable at that many users.
 */
export function minimumDetectableEffect(input: PlanInput, totalUsers: number, targetPower: number): number | null {
  const perArm = totalUsers / input.variations;
  const z = normalQuantile(1 - input.alpha / 2) - normalQuantile(1 - targetPower);
  const m = input.mean;
  const v = metricVariance(input) * sequentialInflation(input, 2 * perArm);
  const sigma2 = v / perArm;
  const a = 1 - (z * z * sigma2) / (m * m);
  if (!(a > 0)) return null;
  const b = -2 * m;
  const c = m * m - z * z * sigma2;
  const treatmentMean = (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
  return (treatmentMean - m) / m;
}

/** Search bound: beyond a trillion users a plan is not a plan. */
const MAX_USERS_PER_ARM = 1e12;

/**
 * The fewest total users (a whole number per variation) whose power reaches `targetPower`; null when no
 * sample reaches it (a zero effect, or a sequential plan that cannot). Power rises with users, so a doubling
 * search then bisection finds the first per-arm count.
 */
export function usersNeeded(input: PlanInput, effect: number, targetPower: number): number | null {
  const enough = (perArm: number) => power(input, perArm * input.variations, effect) >= targetPower;
  let hi = 2;
  while (!enough(hi)) {
    hi *= 2;
    if (hi > MAX_USERS_PER_ARM) return null;
  }
  let lo = hi / 2;
  if (hi === 2 && enough(1)) return input.variations;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (enough(mid)) hi = mid;
    else lo = mid;
  }
  return hi * input.variations;
}

/** Days to reach `users` at `dailyUsers` a day, whole days. */
export function daysNeeded(users: number, dailyUsers: number): number {
  return Math.ceil(users / dailyUsers);
}
