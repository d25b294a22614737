/**
 * Fixed-horizon Welch t-test on effect moments (DESIGN §6; GrowthBook `TwoSidedTTest` and the one-sided
 * tests in gbstats `frequentist/tests.py`): t = estimate / SE with Welch–Satterthwaite degrees of freedom,
 * for relative effects too (t, not z). Intervals are estimate ± t_{1−α/2, ν}·SE, or one-sided with t_{1−α, ν}.
 */
import { studentCdf, studentQuantile } from "./distributions";
import type { EffectMoments } from "./effect";
import { type Sided, type TestOutcome, intervalAround } from "./interval";

export function welchTTest(effect: EffectMoments, alpha: number, sided: Sided): TestOutcome {
  const se = Math.sqrt(effect.variance);
  const t = effect.estimate / se;
  if (sided === "two") {
    return { pValue: Math.min(1, 2 * studentCdf(-Math.abs(t), effect.dof)), interval: intervalAround(effect.estimate, studentQuantile(1 - alpha / 2, effect.dof) * se, sided) };
  }
  // H1 treatment > control: evidence is a large t; H1 treatment < control: a small one.
  const pValue = sided === "greater" ? studentCdf(-t, effect.dof) : studentCdf(t, effect.dof);
  return { pValue, interval: intervalAround(effect.estimate, studentQuantile(1 - alpha, effect.dof) * se, sided) };
}
