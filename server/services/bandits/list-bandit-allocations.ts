import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { banditAllocations } from "@/db/schema";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import type { ExperimentRef } from "../experiments/experiment.schema";
import { findExperiment, loadVariants } from "../experiments/load-experiment";
import type { BanditArmRecord, BanditTrigger } from "./bandit.schema";

export interface BanditHistoryEntry {
  id: string;
  trigger: BanditTrigger;
  createdAt: Date;
  metricId: string | null;
  allocations: Array<BanditArmRecord & { variant: string | null }>;
}

/** Records kept for the chart: a bandit re-weighted hourly for a quarter has about 2,200. */
const MAX_ENTRIES = 5000;

/** A bandit's latest re-weightings, oldest first, each arm named by its variant (null if it has since been removed). */
export async function listBanditAllocations(ctx: ServiceContext, ref: ExperimentRef): Promise<BanditHistoryEntry[]> {
  authorize(ctx, "experiment", "read");
  return ctx.db.transaction(async (tx) => banditHistory(tx, (await findExperiment(tx, ref)).id));
}

/** The history of the experiment `experimentId`, for a caller that has found it already. */
export async function banditHistory(ex: Executor, experimentId: string): Promise<BanditHistoryEntry[]> {
  const names = new Map((await loadVariants(ex, experimentId)).map((v) => [v.id, v.name]));
  const rows = await ex
    .select()
    .from(banditAllocations)
    .where(eq(banditAllocations.experimentId, experimentId))
    .orderBy(desc(banditAllocations.createdAt), desc(banditAllocations.id))
    .limit(MAX_ENTRIES);
  return rows.reverse().map((row) => historyEntry(row, names));
}

/** A stored re-weighting with each arm named by its variant (null if it has since been removed). */
export function historyEntry(row: typeof banditAllocations.$inferSelect, names: ReadonlyMap<string, string>): BanditHistoryEntry {
  return {
    id: row.id,
    trigger: row.trigger as BanditTrigger,
    createdAt: row.createdAt,
    metricId: row.metricId,
    allocations: (row.allocations as BanditArmRecord[]).map((arm) => ({ ...arm, variant: names.get(arm.variantId) ?? null })),
  };
}
