import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { experimentRefreshState, experiments, metrics } from "@/db/schema";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { rowsOf } from "@/db/raw-sql";
import { type EventStore, postgresEventStore } from "../../events/event-store";
import { findExperiment } from "../experiments/load-experiment";
import { START_OF_HISTORY, refreshMetricStatistics } from "./refresh-metric-statistics";

/** Days before assignment whose events make each user's CUPED covariate (`CUPED_WINDOW_DAYS`, default 14). */
export function cupedWindowDays(env: Record<string, string | undefined> = process.env): number {
  const raw = env.CUPED_WINDOW_DAYS;
  if (raw === undefined || raw.trim() === "") return 14;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 0 || days > 365) throw new Error(`CUPED_WINDOW_DAYS must be a whole number of days from 0 to 365, not "${raw}".`);
  return days;
}

export interface RefreshOptions {
  /** Wait for a refresh of the same experiment running elsewhere (on demand), or skip it (the job). */
  wait?: boolean;
  store?: EventStore;
  cupedWindowDays?: number;
}

/**
 * Brings one experiment's stored statistics up to date in one transaction, under a per-experiment advisory
 * lock so that two instances never process the same rows twice. Answers the refresh time, or null when
 * another refresh held the lock and `wait` is false.
 */
export async function refreshExperimentStatistics(db: Database, experimentId: string, options: RefreshOptions = {}): Promise<Date | null> {
  const store = options.store ?? postgresEventStore;
  const windowDays = options.cupedWindowDays ?? cupedWindowDays();
  return db.transaction(async (tx) => {
    const lockKey = sql`hashtextextended(${`results:${experimentId}`}, 0)`;
    if (options.wait === false) {
      const [row] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${lockKey}) as locked`));
      if (!row?.locked) return null;
    } else {
      await tx.execute(sql`select pg_advisory_xact_lock(${lockKey})`);
    }
    const horizon = await store.horizon(tx);
    const refreshedAt = await countAssignments(tx, experimentId, horizon);
    const metricRows = await tx.select().from(metrics).where(eq(metrics.experimentId, experimentId)).orderBy(asc(metrics.createdAt), asc(metrics.id));
    for (const metric of metricRows) await refreshMetricStatistics(tx, store, metric, horizon, windowDays);
    return refreshedAt;
  });
}

/** Adds the assignments committed since the last refresh to the per-variant counts the SRM check reads. */
async function countAssignments(tx: Executor, experimentId: string, horizon: string): Promise<Date> {
  const [state] = await tx.select().from(experimentRefreshState).where(eq(experimentRefreshState.experimentId, experimentId));
  const from = state?.processedBelow ?? START_OF_HISTORY;
  const counts = { ...(state?.assignedUsers ?? {}) };
  if (from !== horizon) {
    const rows = rowsOf<{ variant_id: string; users: number }>(
      await tx.execute(sql`select variant_id, count(*)::float8 as users from experimentation.assignments
        where experiment_id = ${experimentId} and xid >= ${from}::xid8 and xid < ${horizon}::xid8 group by variant_id`),
    );
    for (const row of rows) counts[row.variant_id] = (counts[row.variant_id] ?? 0) + Number(row.users);
  }
  const refreshedAt = new Date();
  await tx
    .insert(experimentRefreshState)
    .values({ experimentId, processedBelow: horizon, assignedUsers: counts, refreshedAt })
    .onConflictDoUpdate({ target: experimentRefreshState.experimentId, set: { processedBelow: horizon, assignedUsers: counts, refreshedAt } });
  return refreshedAt;
}

/**
 * Refreshes one experiment (waiting for a concurrent refresh of it), or every ACTIVE and PAUSED one,
 * skipping those another instance is refreshing right now. For the background job, the demo and tests.
 */
export async function refreshStatistics(db: Database, experimentId?: string): Promise<void> {
  if (experimentId !== undefined) {
    await refreshExperimentStatistics(db, experimentId, { wait: true });
    return;
  }
  const running = await db.select({ id: experiments.id }).from(experiments).where(inArray(experiments.status, ["ACTIVE", "PAUSED"]));
  for (const { id } of running) await refreshExperimentStatistics(db, id, { wait: false });
}

/** On-demand refresh from the Results tab or the API: anyone who may read the experiment may bring it up to date. */
export async function refreshExperimentResults(ctx: ServiceContext, input: { key: string }): Promise<{ updatedAt: string }> {
  authorize(ctx, "experiment", "read");
  const experiment = await findExperiment(ctx.db, { key: input.key });
  const refreshedAt = await refreshExperimentStatistics(ctx.db, experiment.id, { wait: true });
  return { updatedAt: (refreshedAt ?? new Date()).toISOString() };
}
