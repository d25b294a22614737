import { and, eq, inArray, lte, notInArray, or } from "drizzle-orm";
import { dueTransition } from "@/core/experiments/schedule";
import type { StartGuardFailure } from "@/core/experiments/start-guards";
import { systemActor } from "@/core/permissions/permissions";
import type { Database } from "@/db/client";
import { experiments } from "@/db/schema";
import { StartGuardsFailed, applyStatusChange } from "./change-experiment-status";

export interface ScheduledTransitionsReport {
  /** Keys of drafts started because their start date came. */
  started: string[];
  /** Keys of running or paused experiments completed because their end date came. */
  completed: string[];
  /** Drafts whose start date came but whose guards fail; they are tried again on every run. */
  blocked: { key: string; failures: readonly StartGuardFailure[] }[];
}

const scheduler = systemActor("scheduler");

/**
 * Starts drafts whose start date is at or before `now` (if their start guards pass) and completes running
 * or paused experiments whose end date is, auditing as the system. Safe to run from several app instances
 * at once: each experiment is handled in its own transaction on a row taken with FOR UPDATE SKIP LOCKED,
 * so two instances never handle the same one, and a row another instance has just changed no longer
 * matches when it is re-read under the lock.
 */
export async function runScheduledTransitions(db: Database, now: Date = new Date()): Promise<ScheduledTransitionsReport> {
  const report: ScheduledTransitionsReport = { started: [], completed: [], blocked: [] };
  const due = or(
    and(eq(experiments.status, "DRAFT"), lte(experiments.startDate, now)),
    and(inArray(experiments.status, ["ACTIVE", "PAUSED"]), lte(experiments.endDate, now)),
  );
  // Blocked drafts stay due; remembering them keeps this run from taking them again.
  const seen: string[] = [];
  for (;;) {
    const handled = await db.transaction(async (tx) => {
      const [experiment] = await tx
        .select()
        .from(experiments)
        .where(seen.length > 0 ? and(due, notInArray(experiments.id, seen)) : due)
        .limit(1)
        .for("update", { skipLocked: true });
      if (!experiment) return null;
      seen.push(experiment.id);
      const to = dueTransition(experiment, now);
      if (to === null) return experiment;
      try {
        await applyStatusChange(tx, scheduler, experiment, to, now);
        (to === "ACTIVE" ? report.started : report.completed).push(experiment.key);
      } catch (error) {
        if (!(error instanceof StartGuardsFailed)) throw error;
        report.blocked.push({ key: experiment.key, failures: error.failures });
      }
      return experiment;
    });
    if (handled === null) return report;
  }
}
