import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { analyseVariants } from "@/core/stats/analyse-variants";
import type { VariantTotals } from "@/core/stats/analysis-input";
import { metricDailySnapshots, metrics } from "@/db/schema";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { findExperiment, loadMetrics, loadVariants } from "../experiments/load-experiment";
import { validate } from "../validate";
import { type ResultsHistory, resultsQuerySchema } from "./results.schema";

const historyQuerySchema = z.object({ key: z.string().min(1), difference: resultsQuerySchema.shape.difference });

/**
 * The history behind the charts, from the daily snapshots: per metric and UTC day, each variant's
 * cumulative users and mean and, against control, the cumulative effect with its frequentist interval
 * (unadjusted: no CUPED and no correction, as a trend rather than a verdict).
 */
export async function getResultsHistory(ctx: ServiceContext, input: { key: string; difference?: "relative" | "absolute" }): Promise<ResultsHistory> {
  authorize(ctx, "experiment", "read");
  const { key, difference } = validate(historyQuerySchema, input);
  return ctx.db.transaction(async (tx) => {
    const experiment = await findExperiment(tx, { key });
    const [variantRows, metricRows, snapshots] = await Promise.all([
      loadVariants(tx, experiment.id),
      loadMetrics(tx, experiment.id),
      tx
        .select({ metricId: metricDailySnapshots.metricId, variantId: metricDailySnapshots.variantId, day: metricDailySnapshots.day, users: metricDailySnapshots.users, sum: metricDailySnapshots.sum, sumSquares: metricDailySnapshots.sumSquares })
        .from(metricDailySnapshots)
        .innerJoin(metrics, eq(metrics.id, metricDailySnapshots.metricId))
        .where(eq(metrics.experimentId, experiment.id))
        .orderBy(asc(metricDailySnapshots.day)),
    ]);
    const hasControl = variantRows.filter((v) => v.isControl).length === 1;
    const ordered = [...metricRows].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
    return {
      experiment: experiment.key,
      metrics: ordered.map((metric) => {
        const own = snapshots.filter((s) => s.metricId === metric.id);
        const days = [...new Set(own.map((s) => s.day))];
        const previousUsers = new Map<string, number>();
        return {
          metric: metric.name,
          metricId: metric.id,
          days: days.map((date) => {
            const totals: VariantTotals[] = variantRows.map((variant) => {
              const row = own.find((s) => s.day === date && s.variantId === variant.id);
              return { name: variant.name, isControl: variant.isControl, users: row?.users ?? 0, sum: row?.sum ?? 0, sumSquares: row?.sumSquares ?? 0 };
            });
            const analysed = hasControl ? analyseVariants(totals, { metricType: metric.metricType === "CONVERSION" ? "binomial" : "mean", difference, correction: "none" }).variants : null;
            return {
              date,
              variants: variantRows.map((variant, i) => {
                const users = totals[i]!.users;
                const newUsers = Math.max(0, users - (previousUsers.get(variant.id) ?? 0));
                previousUsers.set(variant.id, users);
                const row = analysed?.[i];
                const effect = row ? (difference === "absolute" ? row.absoluteEffect : row.relativeEffect) : null;
                return {
                  variant: variant.name,
                  isControl: variant.isControl,
                  newUsers,
                  users,
                  mean: users > 0 ? totals[i]!.sum / users : null,
                  effect,
                  ciLower: row?.ciLower ?? null,
                  ciUpper: row?.ciUpper ?? null,
                };
              }),
            };
          }),
        };
      }),
    };
  });
}
