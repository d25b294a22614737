import { randomInt } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { type BanditArmInput, planReweight } from "@/core/bandits/plan-reweight";
import { seededRandom } from "@/core/bandits/random";
import type { Actor } from "@/core/permissions/permissions";
import type { Executor } from "@/db/client";
import { banditAllocations, variants } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { Conflict } from "../../errors";
import { recordTrafficNarrowing, touchExperiment } from "../experiments/experiment-writes";
import { type ExperimentRow, findExperiment, loadMetrics, loadVariants } from "../experiments/load-experiment";
import { loadArmStatistics, refreshArmStatistics } from "./arm-statistics";
import type { BanditArmRecord, BanditTrigger } from "./bandit.schema";
import { type BanditHistoryEntry, historyEntry } from "./list-bandit-allocations";

export type BanditAllocationRow = typeof banditAllocations.$inferSelect;

export type ReweightOutcome = { kind: "reweighted"; row: BanditAllocationRow } | { kind: "skipped"; reason: string };

/**
 * Re-weights a running bandit now ("Re-weight now", `POST /api/v1/experiments/{key}/reweight`). Refuses
 * (409) what the schedule would skip: an experiment that is not a running bandit, no primary metric, or
 * a burn-in not yet over, with the reason.
 */
export async function reweightBandit(ctx: ServiceContext, input: { key: string } | { id: string }): Promise<BanditHistoryEntry> {
  authorize(ctx, "experiment", "update");
  const { id } = await findExperiment(ctx.db, input);
  await refreshArmStatistics(ctx.db, id);
  const outcome = await ctx.db.transaction(async (tx) => reweightLocked(tx, ctx.actor, await findExperiment(tx, { id }, { lock: true }), "manual"));
  if (outcome.kind === "skipped") throw new Conflict(outcome.reason);
  return historyEntry(outcome.row, new Map((await loadVariants(ctx.db, id)).map((v) => [v.id, v.name])));
}

/**
 * One re-weighting inside the caller's transaction, from the stored statistics (refresh them first, outside
 * it: `refreshArmStatistics`), with the experiment row locked (FOR UPDATE), so two
 * instances re-weighting one bandit take turns and the second sees the first's allocations. Sets the
 * variants' traffic allocations (the coverage stays as it was), records the re-weighting, and writes the
 * audit row, whose change notice makes every instance reload the experiment's definition. `at` dates the
 * record (the scheduler's clock, which decides when the next one is due); the database's now() otherwise.
 */
export async function reweightLocked(tx: Executor, actor: Actor, experiment: ExperimentRow, trigger: BanditTrigger, at?: Date): Promise<ReweightOutcome> {
  if (experiment.experimentType !== "BANDIT") return skipped(`"${experiment.key}" is not a bandit experiment; only bandits are re-weighted.`);
  if (experiment.status !== "ACTIVE") return skipped(`"${experiment.key}" is ${experiment.status.toLowerCase()}; only a running bandit is re-weighted.`);
  const primary = (await loadMetrics(tx, experiment.id)).find((m) => m.isPrimary);
  if (!primary) return skipped(`"${experiment.key}" has no primary metric to re-weight on; mark one as primary.`);
  const current = await loadVariants(tx, experiment.id);
  const statistics = new Map((await loadArmStatistics(tx, experiment.id, primary.id)).map((s) => [s.variantId, s]));
  const arms: BanditArmInput[] = current.map((v) => {
    const s = statistics.get(v.id);
    return { variantId: v.id, name: v.name, trafficAllocation: v.trafficAllocation, users: s?.users ?? 0, sum: s?.sum ?? 0, sumSquares: s?.sumSquares ?? 0 };
  });
  const plan = planReweight({
    arms,
    metricKind: primary.metricType === "CONVERSION" ? "binomial" : "mean",
    lowerIsBetter: primary.lowerIsBetter,
    settings: { floorPercent: experiment.banditFloorPercent, burnInUsers: experiment.banditBurnInUsers },
    random: seededRandom(randomInt(2 ** 32)),
  });
  if (plan.kind !== "weights") return skipped(plan.message);

  const [previous] = await tx.select({ id: banditAllocations.id }).from(banditAllocations).where(eq(banditAllocations.experimentId, experiment.id)).limit(1);
  const coverage = arms.reduce((sum, arm) => sum + arm.trafficAllocation, 0);
  if (!previous) {
    // The history starts with the split the bandit ran with until now, so the chart shows where it came from.
    const start: BanditArmRecord[] = arms.map((arm) => ({
      variantId: arm.variantId,
      weight: arm.trafficAllocation / coverage,
      trafficAllocation: arm.trafficAllocation,
      probabilityBest: null,
      users: 0,
      mean: 0,
    }));
    await tx.insert(banditAllocations).values({ experimentId: experiment.id, metricId: primary.id, allocations: start, trigger: "start", createdAt: sql`least(${experiment.startDate?.toISOString() ?? null}::timestamptz, now()) - interval '1 microsecond'` });
  }
  for (const arm of plan.arms) {
    await tx.update(variants).set({ trafficAllocation: arm.trafficAllocation }).where(and(eq(variants.id, arm.variantId), eq(variants.experimentId, experiment.id)));
  }
  await recordTrafficNarrowing(tx, experiment, current);
  await touchExperiment(tx, experiment.id);
  const record: BanditArmRecord[] = plan.arms.map(({ variantId, weight, trafficAllocation, probabilityBest, users, mean }) => ({ variantId, weight, trafficAllocation, probabilityBest, users, mean }));
  const [row] = await tx.insert(banditAllocations).values({ experimentId: experiment.id, metricId: primary.id, allocations: record, trigger, ...(at ? { createdAt: at } : {}) }).returning();
  if (!row) throw new Error("insert into bandit_allocations returned no row");
  await writeAudit(tx, actor, {
    action: "experiment.reweight",
    entityType: "experiment",
    entityId: experiment.id,
    before: { variants: current.map((v) => ({ id: v.id, name: v.name, trafficAllocation: v.trafficAllocation })) },
    after: { trigger, metricId: primary.id, allocations: record },
  });
  return { kind: "reweighted", row };
}

function skipped(reason: string): ReweightOutcome {
  return { kind: "skipped", reason };
}
