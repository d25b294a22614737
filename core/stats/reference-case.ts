/**
 * Helpers for the reference tests: a published number and the digits its source printed. A value printed to
 * d decimals is matched to within half a unit of its last digit (vitest's `toBeCloseTo(expected, d)`).
 */
import type { ArmTotals } from "./moments";

export interface Printed {
  value: number;
  decimals: number;
}

/** A published number with the decimals it was printed to. */
export const printed = (value: number, decimals: number): Printed => ({ value, decimals });

/** Sufficient statistics from a published mean and sample standard deviation (n − 1). */
export function totalsFromMeanSd(users: number, mean: number, sd: number): ArmTotals {
  return { users, sum: users * mean, sumSquares: (users - 1) * sd * sd + users * mean * mean };
}
