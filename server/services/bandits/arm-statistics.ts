/**
 * The primary metric's per-variant sufficient statistics a re-weighting reads. The one seam between the
 * bandit and the results pipeline: it reads the stored statistics of `server/services/results`.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

export interface ArmStatistics {
  variantId: string;
  users: number;
  sum: number;
  sumSquares: number;
}

type Numeric = number | string | null;
type StatisticsRow = { variant_id: string; users: Numeric; sum: Numeric; sum_squares: Numeric };

/**
 * Per variant of the experiment: enrolled users and the sum and sum of squares of the metric's per-user
 * values (DESIGN §6: events at or after the user's assignment; no events count as 0 except for DURATION).
 */
export async function loadArmStatistics(ex: Executor, experimentId: string, metricId: string): Promise<ArmStatistics[]> {
  const result = await ex.execute(sql`
    with metric as (
      select event_name, metric_type from experimentation.metrics where id = ${metricId} and experiment_id = ${experimentId}
    ), per_user as (
      select a.variant_id,
        case m.metric_type
          when 'CONVERSION' then (count(e.id) > 0)::int::float8
          when 'COUNT' then count(e.id)::float8
          when 'DURATION' then avg(e.value)
          else coalesce(sum(e.value), 0)
        end as value
      from experimentation.assignments a
      cross join metric m
      left join experimentation.events e
        on e.user_id = a.user_id and e.event_type = m.event_name and e.created_at >= a.created_at
      where a.experiment_id = ${experimentId}
      group by a.variant_id, a.user_id, m.metric_type
    )
    select variant_id, count(value) as users, sum(value) as sum, sum(value * value) as sum_squares
    from per_user group by variant_id`);
  // postgres.js answers an array of rows, PGlite an object holding them.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as StatisticsRow[];
  return rows.map((r) => ({
    variantId: r.variant_id,
    users: Number(r.users),
    sum: Number(r.sum ?? 0),
    sumSquares: Number(r.sum_squares ?? 0),
  }));
}
