/**
 * Sample-ratio mismatch (DESIGN §6): Pearson's χ² goodness-of-fit test of the observed users per variant
 * against the counts the expected weights imply, with k − 1 degrees of freedom (Pearson 1900; R `chisq.test(x, p)`;
 * GrowthBook `check_srm`). Variants expected to get no traffic are left out; the rest are renormalised.
 */
import { chiSquareSurvival } from "./distributions";

/** GrowthBook warns below this p-value. */
export const SRM_THRESHOLD = 0.001;

export interface SrmResult {
  chiSquare: number;
  pValue: number;
}

export function sampleRatioMismatch(observed: readonly number[], weights: readonly number[]): SrmResult | null {
  const kept = observed.map((users, i) => ({ users, weight: weights[i] ?? 0 })).filter((arm) => arm.weight > 0);
  const totalWeight = kept.reduce((sum, arm) => sum + arm.weight, 0);
  const totalUsers = kept.reduce((sum, arm) => sum + arm.users, 0);
  if (kept.length < 2 || totalUsers === 0) return null;
  let chiSquare = 0;
  for (const arm of kept) {
    const expected = (totalUsers * arm.weight) / totalWeight;
    chiSquare += ((arm.users - expected) ** 2) / expected;
  }
  return { chiSquare, pValue: chiSquareSurvival(chiSquare, kept.length - 1) };
}
