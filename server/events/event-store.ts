/**
 * The one module that reads `events` for metrics (docs/decisions/009-event-store-seam.md). The results
 * refresh asks an EventStore for per-user aggregates of the events written since its watermark and merges
 * them into the stored statistics itself; a store for another database (ClickHouse) implements the same
 * interface and fills the same temporary table, and nothing else changes.
 */
import { type SQL, sql } from "drizzle-orm";
import { parseEventValuePath } from "@/core/experiments/value-path";
import type { Executor } from "@/db/client";
import { rowsOf } from "@/db/raw-sql";

/** What a store needs to know of a metric to aggregate its events. */
export interface MetricEventSpec {
  metricId: string;
  experimentId: string;
  eventName: string;
  /** Where the number of each event is: a path into `event_metadata`, or null for the event's `value`. */
  eventValuePath: string | null;
}

/**
 * The slice of history to aggregate. Watermarks are PostgreSQL transaction ids (xid8, as text): rows
 * written by transactions in [from, to) are new. `to` is always a horizon below which every transaction
 * has finished, so no row can commit below it later.
 */
export interface RefreshWindow {
  from: string;
  to: string;
  /** Days before each user's assignment whose events form the CUPED covariate. */
  cupedWindowDays: number;
}

/**
 * Per enrolled user changed in the window, the aggregates to add to the stored ones (`is_new`: the user's
 * assignment is new, so the row holds all of the user's events below `to`, and a row exists even without
 * events). Post columns count events at or after the assignment; `pre_*` those in the CUPED window before it.
 */
export const METRIC_DELTAS_TABLE = "metric_event_deltas";

/**
 * Per enrolled user and UTC day, the aggregates of that day's events at or after the assignment, plus a
 * row without events on the day of each assignment: what the past days of the history are rebuilt from
 * when a metric is computed from scratch.
 */
export const METRIC_DAILY_DELTAS_TABLE = "metric_event_daily_deltas";

export interface EventStore {
  /** The horizon for the next refresh: below it, every transaction has committed or aborted. */
  horizon(ex: Executor): Promise<string>;
  /** Fills the temporary deltas table (created by `createDeltasTable`) for one metric; answers the row count. */
  collectMetricDeltas(ex: Executor, metric: MetricEventSpec, window: RefreshWindow): Promise<number>;
  /**
   * Fills the temporary daily table (created by `createDailyDeltasTable`) from the rows below the horizon
   * `to` whose time is before `before` (the start of today, UTC).
   */
  collectDailyDeltas(ex: Executor, metric: MetricEventSpec, window: { to: string; before: Date }): Promise<number>;
}


/** The deltas table lives for the transaction; the refresh drops it after each metric. No index: it is only scanned. */
export async function createDeltasTable(ex: Executor): Promise<void> {
  await ex.execute(
    sql.raw(`create temporary table ${METRIC_DELTAS_TABLE} (
      user_id text not null,
      variant_id uuid not null,
      is_new boolean not null,
      event_count bigint not null,
      value_count bigint not null,
      value_sum double precision not null,
      value_min double precision,
      value_max double precision,
      pre_event_count bigint not null,
      pre_value_count bigint not null,
      pre_value_sum double precision not null,
      pre_value_min double precision,
      pre_value_max double precision
    ) on commit drop`),
  );
}

export async function dropDeltasTable(ex: Executor): Promise<void> {
  await ex.execute(sql.raw(`drop table if exists ${METRIC_DELTAS_TABLE}`));
}

export async function createDailyDeltasTable(ex: Executor): Promise<void> {
  await ex.execute(
    sql.raw(`create temporary table ${METRIC_DAILY_DELTAS_TABLE} (
      user_id text not null,
      variant_id uuid not null,
      day date not null,
      event_count bigint not null,
      value_count bigint not null,
      value_sum double precision not null,
      value_min double precision,
      value_max double precision
    ) on commit drop`),
  );
}

export async function dropDailyDeltasTable(ex: Executor): Promise<void> {
  await ex.execute(sql.raw(`drop table if exists ${METRIC_DAILY_DELTAS_TABLE}`));
}

/** The number an event carries for a metric: at the metric's path in the metadata (numbers only), else `value`. */
function eventNumber(path: string | null): SQL {
  if (path === null) return sql`e.value`;
  const segments = parseEventValuePath(path);
  if (segments === null) return sql`null::double precision`;
  const at = sql`e.event_metadata #> ${`{${segments.map((s) => `"${String(s).replace(/(["\\])/g, "\\$1")}"`).join(",")}}`}::text[]`;
  return sql`case when jsonb_typeof(${at}) = 'number' then (${at})::double precision end`;
}

export const postgresEventStore: EventStore = {
  async horizon(ex) {
    const [row] = rowsOf<{ horizon: string }>(await ex.execute(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon`));
    return row!.horizon;
  },

  async collectMetricDeltas(ex, metric, window) {
    const from = sql`${window.from}::xid8`;
    const to = sql`${window.to}::xid8`;
    const cuped = sql`make_interval(days => ${window.cupedWindowDays}::int)`;
    const value = eventNumber(metric.eventValuePath);
    // Rows: new users with all their events below the horizon (a row even without events), and users
    // assigned earlier with the events written in the window. Only events from the CUPED window on count.
    const result = await ex.execute(sql`
      insert into ${sql.raw(METRIC_DELTAS_TABLE)}
      with touched as (
        select a.user_id, a.variant_id, true as is_new, a.created_at as assigned_at, e.created_at as at, ${value} as v, e.id as event_id
        from experimentation.assignments a
        left join experimentation.events e
          on e.user_id = a.user_id and e.event_type = ${metric.eventName} and e.xid < ${to}
          and e.created_at >= a.created_at - ${cuped}
        where a.experiment_id = ${metric.experimentId} and a.xid >= ${from} and a.xid < ${to}
        union all
        select a.user_id, a.variant_id, false, a.created_at, e.created_at, ${value}, e.id
        from experimentation.events e
        join experimentation.assignments a
          on a.experiment_id = ${metric.experimentId} and a.user_id = e.user_id and a.xid < ${from}
        where e.xid >= ${from} and e.xid < ${to} and e.event_type = ${metric.eventName}
          and e.created_at >= a.created_at - ${cuped}
      )
      select user_id, variant_id, bool_or(is_new),
        count(event_id) filter (where at >= assigned_at),
        count(v) filter (where at >= assigned_at),
        coalesce(sum(v) filter (where at >= assigned_at), 0),
        min(v) filter (where at >= assigned_at),
        max(v) filter (where at >= assigned_at),
        count(event_id) filter (where at < assigned_at),
        count(v) filter (where at < assigned_at),
        coalesce(sum(v) filter (where at < assigned_at), 0),
        min(v) filter (where at < assigned_at),
        max(v) filter (where at < assigned_at)
      from touched
      group by user_id, variant_id`);
    return affectedRows(result);
  },

  async collectDailyDeltas(ex, metric, window) {
    const to = sql`${window.to}::xid8`;
    const before = sql`${window.before.toISOString()}::timestamptz`;
    const value = eventNumber(metric.eventValuePath);
    const result = await ex.execute(sql`
      insert into ${sql.raw(METRIC_DAILY_DELTAS_TABLE)}
      select a.user_id, a.variant_id, (a.created_at at time zone 'UTC')::date, 0, 0, 0, null, null
      from experimentation.assignments a
      where a.experiment_id = ${metric.experimentId} and a.xid < ${to} and a.created_at < ${before}
      union all
      select a.user_id, a.variant_id, (e.created_at at time zone 'UTC')::date, count(e.id), count(${value}), coalesce(sum(${value}), 0), min(${value}), max(${value})
      from experimentation.events e
      join experimentation.assignments a
        on a.experiment_id = ${metric.experimentId} and a.user_id = e.user_id and a.xid < ${to}
      where e.xid < ${to} and e.event_type = ${metric.eventName}
        and e.created_at >= a.created_at and e.created_at < ${before}
      group by a.user_id, a.variant_id, (e.created_at at time zone 'UTC')::date`);
    return affectedRows(result);
  },
};

function affectedRows(result: unknown): number {
  if (result && typeof result === "object") {
    if ("count" in result && typeof result.count === "number") return result.count;
    if ("affectedRows" in result && typeof result.affectedRows === "number") return result.affectedRows;
  }
  return 0;
}
