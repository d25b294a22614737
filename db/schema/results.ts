/**
 * Addition to the seed: the stored state of the incremental metrics computation (DESIGN §6, issue #10).
 * Per (metric, user) the running aggregates of the user's events, per (metric, variant) the sufficient
 * statistics the analysis needs, per (metric, variant, day) a cumulative snapshot for the history charts,
 * and per metric and experiment the watermark of what has been processed.
 */
import { sql } from "drizzle-orm";
import { bigint, date, doublePrecision, index, jsonb, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { experimentation, instant } from "./columns";
import { experiments, metrics, variants } from "./experiments";
import { xid8 } from "./xid8";

const count = (name: string) => bigint(name, { mode: "number" }).notNull().default(0);
const total = (name: string) => doublePrecision(name).notNull().default(0);

export const metricUserValues = experimentation.table(
  "metric_user_values",
  {
    metricId: uuid("metric_id").notNull().references(() => metrics.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    variantId: uuid("variant_id").notNull().references(() => variants.id, { onDelete: "cascade" }),
    eventCount: count("event_count"),
    valueCount: count("value_count"),
    valueSum: total("value_sum"),
    valueMin: doublePrecision("value_min"),
    valueMax: doublePrecision("value_max"),
    preEventCount: count("pre_event_count"),
    preValueCount: count("pre_value_count"),
    preValueSum: total("pre_value_sum"),
    preValueMin: doublePrecision("pre_value_min"),
    preValueMax: doublePrecision("pre_value_max"),
    value: doublePrecision("value"),
    preValue: doublePrecision("pre_value").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.metricId, t.userId] }), index("metric_user_values_variant_id_idx").on(t.variantId)],
);

export const metricVariantStatistics = experimentation.table(
  "metric_variant_statistics",
  {
    metricId: uuid("metric_id").notNull().references(() => metrics.id, { onDelete: "cascade" }),
    variantId: uuid("variant_id").notNull().references(() => variants.id, { onDelete: "cascade" }),
    users: count("users"),
    sum: total("sum"),
    sumSquares: total("sum_squares"),
    preSum: total("pre_sum"),
    preSumSquares: total("pre_sum_squares"),
    sumProduct: total("sum_product"),
  },
  (t) => [primaryKey({ columns: [t.metricId, t.variantId] }), index("metric_variant_statistics_variant_id_idx").on(t.variantId)],
);

export const metricDailySnapshots = experimentation.table(
  "metric_daily_snapshots",
  {
    metricId: uuid("metric_id").notNull().references(() => metrics.id, { onDelete: "cascade" }),
    variantId: uuid("variant_id").notNull().references(() => variants.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    users: count("users"),
    sum: total("sum"),
    sumSquares: total("sum_squares"),
  },
  (t) => [primaryKey({ columns: [t.metricId, t.variantId, t.day] }), index("metric_daily_snapshots_variant_id_idx").on(t.variantId)],
);

export const metricRefreshState = experimentation.table(
  "metric_refresh_state",
  {
    metricId: uuid("metric_id").primaryKey().references(() => metrics.id, { onDelete: "cascade" }),
    experimentId: uuid("experiment_id").notNull().references(() => experiments.id, { onDelete: "cascade" }),
    definition: text("definition").notNull(),
    processedBelow: xid8("processed_below").notNull(),
    refreshedAt: instant("refreshed_at").notNull().defaultNow(),
  },
  (t) => [index("metric_refresh_state_experiment_id_idx").on(t.experimentId)],
);

export const experimentRefreshState = experimentation.table("experiment_refresh_state", {
  experimentId: uuid("experiment_id").primaryKey().references(() => experiments.id, { onDelete: "cascade" }),
  processedBelow: xid8("processed_below").notNull(),
  /** `{<variant id>: users}` assigned below the watermark: the observed counts of the SRM check. */
  assignedUsers: jsonb("assigned_users").$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
  refreshedAt: instant("refreshed_at").notNull().defaultNow(),
});
