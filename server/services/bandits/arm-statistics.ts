/**
 * The primary metric's per-variant sufficient statistics a re-weighting reads: the one seam between the
 * bandit and the results pipeline, which computes them incrementally in SQL (`server/services/results`).
 */
import type { Database, Executor } from "@/db/client";
import { refreshExperimentStatistics } from "../results/refresh-results";
import { loadVariantStatistics } from "../results/stored-statistics";

export interface ArmStatistics {
  variantId: string;
  users: number;
  sum: number;
  sumSquares: number;
}

/** Brings the stored statistics up to date (its own transaction; waits for a refresh running elsewhere). */
export async function refreshArmStatistics(db: Database, experimentId: string): Promise<void> {
  await refreshExperimentStatistics(db, experimentId, { wait: true });
}

/** Per variant of the experiment with stored statistics: users and the sum and sum of squares of the metric's values. */
export async function loadArmStatistics(ex: Executor, experimentId: string, metricId: string): Promise<ArmStatistics[]> {
  return (await loadVariantStatistics(ex, experimentId))
    .filter((s) => s.metricId === metricId)
    .map(({ variantId, users, sum, sumSquares }) => ({ variantId, users, sum, sumSquares }));
}
