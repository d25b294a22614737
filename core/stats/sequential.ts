/**
 * Always-valid inference for peeking (DESIGN §6): the asymptotic confidence sequence of Waudby-Smith,
 * Arbour, Sinha, Kennedy and Ramdas, "Time-uniform central limit theory and asymptotic confidence
 * sequences" (arXiv:2103.06476, Theorem 2.2 with the normal mixture), as GrowthBook documents and
 * implements it (https://docs.growthbook.io/statistics/sequential; gbstats `SequentialTwoSidedTTest`).
 *
 * With N = n_c + n_t users and tuning N* (the sample size at which the sequence is tightest; GrowthBook's
 * default 5000), ρ = sqrt((−2 ln α + ln(−2 ln α + 1)) / N*), and the half-width is
 * SE·sqrt(N)·sqrt(2(Nρ²+1)/(N²ρ²)·ln(sqrt(Nρ²+1)/α)). One-sided sequences use 2α in ρ and
 * ln(1 + sqrt(Nρ²+1)/(2α)) in the radical.
 */
import type { EffectMoments } from "./effect";
import { type Sided, type TestOutcome, intervalAround } from "./interval";

export const DEFAULT_SEQUENTIAL_TUNING = 5000;

export function sequentialRho(alpha: number, tuning: number): number {
  const l = -2 * Math.log(alpha);
  return Math.sqrt((l + Math.log(l + 1)) / tuning);
}

/** The half-width divided by the standard error: how many SEs the sequence reaches either side. */
export function sequentialMultiplier(totalUsers: number, alpha: number, tuning: number, sided: Sided): number {
  const n = totalUsers;
  if (sided === "two") {
    const rho = sequentialRho(alpha, tuning);
    const s = n * rho * rho + 1;
    return Math.sqrt(n) * Math.sqrt(((2 * s) / (n * n * rho * rho)) * Math.log(Math.sqrt(s) / alpha));
  }
  const rho = sequentialRho(2 * alpha, tuning);
  const s = n * rho * rho + 1;
  return Math.sqrt(n) * Math.sqrt(((2 * s) / (n * n * rho * rho)) * Math.log(1 + Math.sqrt(s) / (2 * alpha)));
}

/**
 * The two-sided always-valid p-value min(1, 1/E), E the mixture e-value
 * exp(ρ²·N·est²/SE² / (2(Nρ²+1))) / sqrt(Nρ²+1) (DESIGN §6).
 */
function twoSidedPValue(effect: EffectMoments, totalUsers: number, alpha: number, tuning: number): number {
  const rho = sequentialRho(alpha, tuning);
  const s = totalUsers * rho * rho + 1;
  const logE = (rho * rho * totalUsers * (effect.estimate * effect.estimate)) / effect.variance / (2 * s) - 0.5 * Math.log(s);
  return Math.min(1, Math.exp(-logE));
}

/**
 * The one-sided p-value: the smallest α whose one-sided sequence excludes zero (ρ depends on α, so there is no
 * closed form). The multiplier falls as α grows and then rises again near α = 0.5 (where ρ(2α) → 0), so the
 * α that excludes zero form an interval: find the multiplier's minimum by golden-section search on log α,
 * then the interval's lower end by bisection. Evidence too weak for every α < 0.5, or pointing the other way,
 * gives 1.
 */
function oneSidedPValue(effect: EffectMoments, totalUsers: number, tuning: number, sided: Exclude<Sided, "two">): number {
  const z = (sided === "greater" ? effect.estimate : -effect.estimate) / Math.sqrt(effect.variance);
  if (!(z > 0)) return 1;
  const multiplier = (logAlpha: number) => sequentialMultiplier(totalUsers, Math.exp(logAlpha), tuning, sided);
  const golden = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(1e-300);
  let b = Math.log(0.5 - 1e-12);
  for (let i = 0; i < 200 && b - a > 1e-10; i++) {
    const x1 = b - golden * (b - a);
    const x2 = a + golden * (b - a);
    if (multiplier(x1) < multiplier(x2)) b = x2;
    else a = x1;
  }
  let hi = (a + b) / 2;
  if (!(multiplier(hi) < z)) return 1;
  let lo = Math.log(1e-300);
  if (multiplier(lo) < z) return 0;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (multiplier(mid) < z) hi = mid;
    else lo = mid;
  }
  return Math.exp(hi);
}

export function sequentialTest(effect: EffectMoments, totalUsers: number, alpha: number, sided: Sided, tuning = DEFAULT_SEQUENTIAL_TUNING): TestOutcome {
  const halfWidth = Math.sqrt(effect.variance) * sequentialMultiplier(totalUsers, alpha, tuning, sided);
  const pValue = sided === "two" ? twoSidedPValue(effect, totalUsers, alpha, tuning) : oneSidedPValue(effect, totalUsers, tuning, sided);
  return { pValue, interval: intervalAround(effect.estimate, halfWidth, sided) };
}
