import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { metricVariantStatistics, metrics } from "@/db/schema";

export interface StoredVariantStatistics {
  metricId: string;
  variantId: string;
  /** Users with a value (every assigned user, except DURATION metrics' users without values). */
  users: number;
  sum: number;
  sumSquares: number;
  /** The CUPED covariate's sums over the same users. */
  pre: { sum: number; sumSquares: number; sumProduct: number };
}

/** The per-(metric, variant) sufficient statistics as of the last refresh; a variant without a row has none yet. */
export async function loadVariantStatistics(db: Executor, experimentId: string): Promise<StoredVariantStatistics[]> {
  const rows = await db
    .select({
      metricId: metricVariantStatistics.metricId,
      variantId: metricVariantStatistics.variantId,
      users: metricVariantStatistics.users,
      sum: metricVariantStatistics.sum,
      sumSquares: metricVariantStatistics.sumSquares,
      preSum: metricVariantStatistics.preSum,
      preSumSquares: metricVariantStatistics.preSumSquares,
      sumProduct: metricVariantStatistics.sumProduct,
    })
    .from(metricVariantStatistics)
    .innerJoin(metrics, eq(metrics.id, metricVariantStatistics.metricId))
    .where(eq(metrics.experimentId, experimentId));
  return rows.map(({ preSum, preSumSquares, sumProduct, ...row }) => ({ ...row, pre: { sum: preSum, sumSquares: preSumSquares, sumProduct } }));
}
