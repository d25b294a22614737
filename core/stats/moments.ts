/**
 * Per-arm moments from sufficient statistics (DESIGN §6): users, sum, sum of squares, and for CUPED the
 * pre-period sums and the sum of products. Means are sums over users; variances are sample variances
 * (n − 1), except that a binomial metric's variance is p(1 − p), GrowthBook's `ProportionStatistic`
 * convention (gbstats `models/statistics.py`).
 */
export type MetricKind = "binomial" | "mean";

export interface PrePeriodTotals {
  sum: number;
  sumSquares: number;
  /** Σ post·pre over the arm's users. */
  sumProduct: number;
}

export interface ArmTotals {
  users: number;
  /** Conversions for a binomial metric. */
  sum: number;
  sumSquares: number;
  pre?: PrePeriodTotals;
}

export interface ArmMoments {
  users: number;
  mean: number;
  variance: number;
}

/** Sample variance (n − 1) from a sum and a sum of squares; 0 below two users, never negative from rounding. */
export function sampleVariance(users: number, sum: number, sumSquares: number): number {
  if (users < 2) return 0;
  return Math.max(0, (sumSquares - (sum * sum) / users) / (users - 1));
}

/** Sample covariance (n − 1) of two quantities from their sums and the sum of their products. */
export function sampleCovariance(users: number, sumX: number, sumY: number, sumProduct: number): number {
  if (users < 2) return 0;
  return (sumProduct - (sumX * sumY) / users) / (users - 1);
}

export function armMoments(kind: MetricKind, totals: Pick<ArmTotals, "users" | "sum" | "sumSquares">): ArmMoments {
  const { users, sum, sumSquares } = totals;
  if (users <= 0) return { users: 0, mean: 0, variance: 0 };
  const mean = sum / users;
  const variance = kind === "binomial" ? mean * (1 - mean) : sampleVariance(users, sum, sumSquares);
  return { users, mean, variance };
}
