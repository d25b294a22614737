import { and, eq, max, sql } from "drizzle-orm";
import { systemActor } from "@/core/permissions/permissions";
import type { Database, Executor } from "@/db/client";
import { banditAllocations, experiments } from "@/db/schema";
import { rowsOf } from "@/db/raw-sql";
import { findExperiment } from "../experiments/load-experiment";
import { refreshArmStatistics } from "./arm-statistics";
import { reweightLocked } from "./reweight-bandit";

export interface BanditRunReport {
  /** Keys of bandits re-weighted by this run. */
  reweighted: string[];
  /** Bandits due but not re-weighted (burn-in, no primary metric), with the reason. */
  skipped: { key: string; reason: string }[];
}

const scheduler = systemActor("bandit-scheduler");

/** First key of the two-key advisory locks this job takes (the second is the experiment's hashtext). */
const BANDIT_LOCK_CLASS = 0x62616e64; // "band"

/**
 * When a bandit is next due: its last recorded re-weighting, or its start when it has none, plus its
 * interval. An experiment started without a start date is due at once (the burn-in still holds it back).
 */
function dueCondition(now: Date) {
  const last = sql`(select ${max(banditAllocations.createdAt)} from ${banditAllocations} where ${banditAllocations.experimentId} = ${experiments.id})`;
  return and(
    eq(experiments.status, "ACTIVE"),
    eq(experiments.experimentType, "BANDIT"),
    sql`coalesce(${last}, ${experiments.startDate}, '-infinity'::timestamptz) + make_interval(mins => ${experiments.banditIntervalMinutes}) <= ${now.toISOString()}::timestamptz`,
  );
}

/**
 * Re-weights every running bandit whose interval has passed, as the system. Every app instance runs
 * this; each bandit is handled in its own transaction under a transaction-level advisory lock taken
 * without waiting, and is re-checked as due once the lock and its row lock are held, so a bandit is
 * re-weighted once per interval however many instances run the job.
 */
export async function runBanditReweights(db: Database, now: Date = new Date()): Promise<BanditRunReport> {
  const report: BanditRunReport = { reweighted: [], skipped: [] };
  const due = await db.select({ id: experiments.id }).from(experiments).where(dueCondition(now));
  for (const { id } of due) {
    await refreshArmStatistics(db, id);
    await db.transaction(async (tx) => {
      if (!(await tryLock(tx, id))) return; // another instance has it
      const [still] = await tx.select({ id: experiments.id }).from(experiments).where(and(eq(experiments.id, id), dueCondition(now)));
      if (!still) return;
      const experiment = await findExperiment(tx, { id }, { lock: true });
      const outcome = await reweightLocked(tx, scheduler, experiment, "schedule", now);
      if (outcome.kind === "reweighted") report.reweighted.push(experiment.key);
      else report.skipped.push({ key: experiment.key, reason: outcome.reason });
    });
  }
  return report;
}

async function tryLock(tx: Executor, experimentId: string): Promise<boolean> {
  const [row] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${BANDIT_LOCK_CLASS}::int, hashtext(${experimentId})) as locked`));
  return row?.locked === true;
}
