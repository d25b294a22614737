/**
 * DESIGN §6's metric definitions as SQL over a user's running aggregates (event count, count, sum, min and
 * max of the numbers the events carry): CONVERSION 1 when any event else 0; COUNT the events; REVENUE the
 * sum; DURATION the mean, missing (null) without values; CUSTOM the aggregation method over the numbers.
 * Users without events count 0, except DURATION. Aggregates are mergeable, so new events only add to them.
 */
import { type SQL, sql } from "drizzle-orm";

export interface MetricFormula {
  metricType: "CONVERSION" | "REVENUE" | "COUNT" | "DURATION" | "CUSTOM";
  aggregationMethod: string | null;
}

/** Column names of one set of aggregates (post or pre) in the row the expression is evaluated on. */
interface Aggregates {
  events: SQL;
  count: SQL;
  sum: SQL;
  min: SQL;
  max: SQL;
}

export function aggregatesOf(prefix: string, table: string): Aggregates {
  const col = (name: string) => sql.raw(`${table}.${prefix}${name}`);
  return { events: col("event_count"), count: col("value_count"), sum: col("value_sum"), min: col("value_min"), max: col("value_max") };
}

/** The user's value; null only for a DURATION metric without values (the user is then left out). */
export function metricValueSql(metric: MetricFormula, a: Aggregates): SQL {
  switch (metric.metricType) {
    case "CONVERSION":
      return sql`(case when ${a.events} > 0 then 1 else 0 end)::double precision`;
    case "COUNT":
      return sql`${a.events}::double precision`;
    case "REVENUE":
      return sql`${a.sum}`;
    case "DURATION":
      return sql`(${a.sum} / nullif(${a.count}, 0))`;
    case "CUSTOM":
      switch (metric.aggregationMethod) {
        case "average":
          return sql`coalesce(${a.sum} / nullif(${a.count}, 0), 0)`;
        case "count":
          return sql`${a.count}::double precision`;
        case "min":
          return sql`coalesce(${a.min}, 0)`;
        case "max":
          return sql`coalesce(${a.max}, 0)`;
        default:
          return sql`${a.sum}`;
      }
  }
}
