import { count } from "drizzle-orm";
import { EXPERIMENT_STATUSES, type ExperimentStatus } from "@/core/experiments/enums";
import { experiments } from "@/db/schema";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";

/** How many experiments are in each status, for the list's status tabs (one grouped query on an indexed column). */
export async function countExperimentsByStatus(ctx: ServiceContext): Promise<Record<ExperimentStatus, number>> {
  authorize(ctx, "experiment", "read");
  const rows = await ctx.db.select({ status: experiments.status, n: count() }).from(experiments).groupBy(experiments.status);
  const counts = Object.fromEntries(EXPERIMENT_STATUSES.map((s) => [s, 0])) as Record<ExperimentStatus, number>;
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}
