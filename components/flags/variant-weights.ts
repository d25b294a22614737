/**
 * What the weight bar says about a multivariate flag's variant weights: each variant's share of the
 * users the flag is on for, which must add up to exactly 100 (core/flags/flag-values, same tolerance).
 */
import { formatPercentage } from "@/core/experiments/allocation";

const TOLERANCE = 1e-6;

export interface WeightSummary {
  /** Weights as drawn: a blank or junk weight draws as 0. */
  weights: number[];
  total: number;
  state: "exact" | "under" | "over";
  /** One line for under the bar. */
  message: string;
  /** Widths in percent of the bar: the weights, scaled down when they add up to more than 100. */
  widths: number[];
}

export function weightSummary(raw: readonly number[]): WeightSummary {
  const weights = raw.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const state = Math.abs(total - 100) <= TOLERANCE ? "exact" : total < 100 ? "under" : "over";
  const scale = state === "over" ? 100 / total : 1;
  const message =
    state === "exact"
      ? "Weights add up to 100%."
      : state === "under"
        ? `Weights add up to ${formatPercentage(total)}: ${formatPercentage(100 - total)} still to give to a variant.`
        : `Weights add up to ${formatPercentage(total)}: take ${formatPercentage(total - 100)} off.`;
  return { weights, total, state, message, widths: weights.map((w) => w * scale) };
}
