/**
 * One metric's incremental refresh, inside the experiment's refresh transaction: the event store writes
 * per-user deltas for the rows committed since the metric's watermark, and this merges them into the
 * per-user values and moves each variant's sufficient statistics by the difference of every changed user
 * value (DESIGN §6). A changed definition (or CUPED window) recomputes the metric from scratch.
 */
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { metricDailySnapshots, metricRefreshState, metricUserValues, metricVariantStatistics } from "@/db/schema";
import {
  type EventStore,
  METRIC_DAILY_DELTAS_TABLE,
  METRIC_DELTAS_TABLE,
  createDailyDeltasTable,
  createDeltasTable,
  dropDailyDeltasTable,
  dropDeltasTable,
} from "../../events/event-store";
import { type MetricFormula, aggregatesOf, metricValueSql } from "./metric-value-sql";

export interface RefreshableMetric extends MetricFormula {
  id: string;
  experimentId: string;
  eventName: string;
  eventValuePath: string | null;
}

/** The watermark of a metric never computed: every transaction id is at or above it. */
export const START_OF_HISTORY = "0";

function definitionOf(metric: RefreshableMetric, cupedWindowDays: number): string {
  const { eventName, metricType, aggregationMethod, eventValuePath } = metric;
  return JSON.stringify({ eventName, metricType, aggregationMethod, eventValuePath, cupedWindowDays });
}

export async function refreshMetricStatistics(tx: Executor, store: EventStore, metric: RefreshableMetric, horizon: string, cupedWindowDays: number): Promise<void> {
  const definition = definitionOf(metric, cupedWindowDays);
  const [state] = await tx.select().from(metricRefreshState).where(eq(metricRefreshState.metricId, metric.id));
  let from = state?.processedBelow ?? START_OF_HISTORY;
  if (state && state.definition !== definition) {
    await tx.delete(metricUserValues).where(eq(metricUserValues.metricId, metric.id));
    await tx.delete(metricVariantStatistics).where(eq(metricVariantStatistics.metricId, metric.id));
    await tx.delete(metricDailySnapshots).where(eq(metricDailySnapshots.metricId, metric.id));
    from = START_OF_HISTORY;
  }
  if (from !== horizon) {
    await createDeltasTable(tx);
    const changed = await store.collectMetricDeltas(tx, { metricId: metric.id, experimentId: metric.experimentId, eventName: metric.eventName, eventValuePath: metric.eventValuePath }, { from, to: horizon, cupedWindowDays });
    if (changed > 0) await mergeDeltas(tx, metric);
    await dropDeltasTable(tx);
    if (from === START_OF_HISTORY) await rebuildPastDays(tx, store, metric, horizon);
  }
  await snapshotToday(tx, metric.id);
  const now = new Date();
  await tx
    .insert(metricRefreshState)
    .values({ metricId: metric.id, experimentId: metric.experimentId, definition, processedBelow: horizon, refreshedAt: now })
    .onConflictDoUpdate({ target: metricRefreshState.metricId, set: { definition, processedBelow: horizon, refreshedAt: now } });
}

const AGGREGATE_COLUMNS = ["event_count", "value_count", "value_sum", "value_min", "value_max"] as const;

/** One statement: read the old user rows, write the merged ones, and add the per-variant differences. */
async function mergeDeltas(tx: Executor, metric: RefreshableMetric): Promise<void> {
  const deltas = sql.raw(METRIC_DELTAS_TABLE);
  const merge = (prefix: string) =>
    AGGREGATE_COLUMNS.map((column) => {
      const name = `${prefix}${column}`;
      if (column === "value_min") return `least(o.${name}, d.${name}) as ${name}`;
      if (column === "value_max") return `greatest(o.${name}, d.${name}) as ${name}`;
      return `coalesce(o.${name}, 0) + d.${name} as ${name}`;
    }).join(", ");
  const columns = [...AGGREGATE_COLUMNS, ...AGGREGATE_COLUMNS.map((c) => `pre_${c}`)];
  const value = metricValueSql(metric, aggregatesOf("", "m"));
  const preValue = metricValueSql(metric, aggregatesOf("pre_", "m"));
  await tx.execute(sql`
    with old as (
      select u.* from experimentation.metric_user_values u
      join ${deltas} d on d.user_id = u.user_id
      where u.metric_id = ${metric.id}
    ),
    merged as (
      select d.user_id, d.variant_id, ${sql.raw(merge(""))}, ${sql.raw(merge("pre_"))}
      from ${deltas} d left join old o on o.user_id = d.user_id
    ),
    valued as (
      select m.*, ${value} as value, coalesce(${preValue}, 0) as pre_value from merged m
    ),
    written as (
      insert into experimentation.metric_user_values (metric_id, user_id, variant_id, ${sql.raw(columns.join(", "))}, value, pre_value)
      select ${metric.id}, user_id, variant_id, ${sql.raw(columns.join(", "))}, value, pre_value from valued
      on conflict (metric_id, user_id) do update set
        ${sql.raw([...columns, "value", "pre_value"].map((c) => `${c} = excluded.${c}`).join(", "))}
    ),
    moved as (
      select v.variant_id,
        sum((v.value is not null)::int - (o.value is not null)::int) as users,
        sum(coalesce(v.value, 0) - coalesce(o.value, 0)) as sum,
        sum(coalesce(v.value * v.value, 0) - coalesce(o.value * o.value, 0)) as sum_squares,
        sum(case when v.value is not null then v.pre_value else 0 end - case when o.value is not null then o.pre_value else 0 end) as pre_sum,
        sum(case when v.value is not null then v.pre_value * v.pre_value else 0 end - case when o.value is not null then o.pre_value * o.pre_value else 0 end) as pre_sum_squares,
        sum(coalesce(v.value * v.pre_value, 0) - coalesce(o.value * o.pre_value, 0)) as sum_product
      from valued v left join old o on o.user_id = v.user_id
      group by v.variant_id
    )
    insert into experimentation.metric_variant_statistics (metric_id, variant_id, users, sum, sum_squares, pre_sum, pre_sum_squares, sum_product)
    select ${metric.id}, variant_id, users, sum, sum_squares, pre_sum, pre_sum_squares, sum_product from moved
    on conflict (metric_id, variant_id) do update set
      users = metric_variant_statistics.users + excluded.users,
      sum = metric_variant_statistics.sum + excluded.sum,
      sum_squares = metric_variant_statistics.sum_squares + excluded.sum_squares,
      pre_sum = metric_variant_statistics.pre_sum + excluded.pre_sum,
      pre_sum_squares = metric_variant_statistics.pre_sum_squares + excluded.pre_sum_squares,
      sum_product = metric_variant_statistics.sum_product + excluded.sum_product`);
}

/**
 * The history before today, for a metric computed from scratch (first time, or after its definition
 * changed): the cumulative statistics as of the end of each UTC day from the first assignment to
 * yesterday. Each user's value is followed day by day through the running totals of their events; only
 * the days on which it changes add to their variant's sums (the change from the day before), so the work
 * grows with the events, not with users × days.
 */
async function rebuildPastDays(tx: Executor, store: EventStore, metric: RefreshableMetric, horizon: string): Promise<void> {
  const startOfToday = new Date();
  startOfToday.setUTCHours(0, 0, 0, 0);
  await createDailyDeltasTable(tx);
  const rows = await store.collectDailyDeltas(tx, { metricId: metric.id, experimentId: metric.experimentId, eventName: metric.eventName, eventValuePath: metric.eventValuePath }, { to: horizon, before: startOfToday });
  if (rows > 0) {
    const value = metricValueSql(metric, aggregatesOf("", "r"));
    await tx.execute(sql`
      with daily as (
        select user_id, variant_id, day, sum(event_count) as event_count, sum(value_count) as value_count, sum(value_sum) as value_sum,
          min(value_min) as value_min, max(value_max) as value_max
        from ${sql.raw(METRIC_DAILY_DELTAS_TABLE)} group by user_id, variant_id, day
      ),
      running as (
        select user_id, variant_id, day,
          sum(event_count) over w as event_count, sum(value_count) over w as value_count, sum(value_sum) over w as value_sum,
          min(value_min) over w as value_min, max(value_max) over w as value_max
        from daily window w as (partition by user_id order by day)
      ),
      valued as (
        select r.user_id, r.variant_id, r.day, ${value} as value from running r
      ),
      changed as (
        select variant_id, day, value, lag(value) over (partition by user_id order by day) as previous from valued
      ),
      moved as (
        select variant_id, day,
          sum((value is not null)::int - (previous is not null)::int) as users,
          sum(coalesce(value, 0) - coalesce(previous, 0)) as sum,
          sum(coalesce(value * value, 0) - coalesce(previous * previous, 0)) as sum_squares
        from changed group by variant_id, day
      ),
      days as (
        select generate_series(min(day), (${startOfToday.toISOString()}::timestamptz at time zone 'UTC')::date - 1, interval '1 day')::date as day from moved
      ),
      arms as (select distinct variant_id from moved)
      insert into experimentation.metric_daily_snapshots (metric_id, variant_id, day, users, sum, sum_squares)
      select ${metric.id}, arms.variant_id, days.day,
        coalesce(sum(m.users), 0), coalesce(sum(m.sum), 0), coalesce(sum(m.sum_squares), 0)
      from arms cross join days
      left join moved m on m.variant_id = arms.variant_id and m.day <= days.day
      group by arms.variant_id, days.day
      on conflict (metric_id, variant_id, day) do update set users = excluded.users, sum = excluded.sum, sum_squares = excluded.sum_squares`);
  }
  await dropDailyDeltasTable(tx);
}

/** Today's (UTC) row of the history: the cumulative statistics as of this refresh. */
async function snapshotToday(tx: Executor, metricId: string): Promise<void> {
  await tx.execute(sql`
    insert into experimentation.metric_daily_snapshots (metric_id, variant_id, day, users, sum, sum_squares)
    select metric_id, variant_id, (now() at time zone 'UTC')::date, users, sum, sum_squares
    from experimentation.metric_variant_statistics where metric_id = ${metricId}
    on conflict (metric_id, variant_id, day) do update set users = excluded.users, sum = excluded.sum, sum_squares = excluded.sum_squares`);
}
