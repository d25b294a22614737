import { relations, sql } from "drizzle-orm";
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { experimentation, id, instant, timestamps } from "./columns";
import { experimentStatus, experimentType, metricType } from "./enums";
import { events } from "./events";
import { users } from "./users";
import { writtenByTransaction } from "./xid8";

export const experiments = experimentation.table(
  "experiments",
  {
    id: id(),
    /** Addition to the seed: the stable slug SDKs use; immutable once the experiment has run. */
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    hypothesis: text("hypothesis"),
    status: experimentStatus("status").notNull().default("DRAFT"),
    experimentType: experimentType("experiment_type").notNull().default("A_B"),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    startDate: instant("start_date"),
    endDate: instant("end_date"),
    targetingRules: jsonb("targeting_rules").$type<Record<string, unknown> | null>(),
    metrics: jsonb("metrics").$type<Record<string, unknown> | null>(),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    /**
     * Addition: when an allocation change first narrowed the enrolled part of the hash space after the
     * experiment left draft. Until then no user outside the traffic can hold an assignment, so the hot
     * path need not look one up (DESIGN §9).
     */
    trafficNarrowedAt: instant("traffic_narrowed_at"),
    /** Addition: bandit settings (type BANDIT only; see core/bandits/plan-reweight for the defaults). */
    banditIntervalMinutes: integer("bandit_interval_minutes").notNull().default(60),
    banditFloorPercent: doublePrecision("bandit_floor_percent").notNull().default(5),
    banditBurnInUsers: integer("bandit_burn_in_users").notNull().default(100),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("experiments_key_key").on(t.key),
    index("experiments_status_idx").on(t.status),
    index("experiments_experiment_type_idx").on(t.experimentType),
    index("experiments_owner_id_idx").on(t.ownerId),
    index("experiments_start_date_idx").on(t.startDate),
    index("experiments_end_date_idx").on(t.endDate),
    index("experiments_updated_at_idx").on(t.updatedAt),
    index("experiments_name_idx").on(t.name),
    index("experiments_tags_idx").using("gin", t.tags),
    check("experiments_key_slug", sql`${t.key} ~ '^[a-z0-9][a-z0-9_-]*$'`),
    check("experiments_dates_ordered", sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
    check("experiments_tags_array", sql`jsonb_typeof(${t.tags}) = 'array'`),
    check("experiments_bandit_interval_range", sql`${t.banditIntervalMinutes} between 1 and 10080`),
    check("experiments_bandit_floor_range", sql`${t.banditFloorPercent} >= 0 and ${t.banditFloorPercent} <= 50`),
    check("experiments_bandit_burn_in_range", sql`${t.banditBurnInUsers} between 0 and 1000000`),
  ],
);

export const variants = experimentation.table(
  "variants",
  {
    id: id(),
    experimentId: uuid("experiment_id")
      .notNull()
      .references(() => experiments.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    isControl: boolean("is_control").notNull().default(false),
    trafficAllocation: doublePrecision("traffic_allocation").notNull().default(0),
    configuration: jsonb("configuration").$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("variants_experiment_id_name_key").on(t.experimentId, t.name),
    // At most one control per experiment; "exactly one" is checked when the experiment starts.
    uniqueIndex("variants_one_control_per_experiment").on(t.experimentId).where(sql`${t.isControl}`),
    check("variants_traffic_allocation_range", sql`${t.trafficAllocation} >= 0 and ${t.trafficAllocation} <= 100`),
  ],
);

export const metrics = experimentation.table(
  "metrics",
  {
    id: id(),
    name: text("name").notNull(),
    description: text("description"),
    eventName: text("event_name").notNull(),
    metricType: metricType("metric_type").notNull(),
    isPrimary: boolean("is_primary").notNull().default(false),
    aggregationMethod: text("aggregation_method"),
    minimumSampleSize: integer("minimum_sample_size"),
    expectedEffect: doublePrecision("expected_effect"),
    eventValuePath: text("event_value_path"),
    lowerIsBetter: boolean("lower_is_better").notNull().default(false),
    experimentId: uuid("experiment_id")
      .notNull()
      .references(() => experiments.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("metrics_experiment_id_name_key").on(t.experimentId, t.name),
    index("metrics_event_name_idx").on(t.eventName),
    check(
      "metrics_aggregation_method_valid",
      sql`${t.aggregationMethod} is null or ${t.aggregationMethod} in ('sum', 'average', 'count', 'min', 'max')`,
    ),
    check("metrics_minimum_sample_size_nonnegative", sql`${t.minimumSampleSize} is null or ${t.minimumSampleSize} >= 0`),
  ],
);

export const assignments = experimentation.table(
  "assignments",
  {
    id: id(),
    experimentId: uuid("experiment_id")
      .notNull()
      .references(() => experiments.id, { onDelete: "cascade" }),
    // NO ACTION (checked at statement end) lets an experiment's delete cascade to both children.
    variantId: uuid("variant_id")
      .notNull()
      .references(() => variants.id, { onDelete: "no action" }),
    userId: text("user_id").notNull(),
    context: jsonb("context").$type<Record<string, unknown>>().notNull().default({}),
    /** Addition: the writing transaction, the results refresh's watermark (docs/decisions/009). */
    xid: writtenByTransaction(),
    ...timestamps,
  },
  (t) => [
    // One row per experiment and user, whatever the race: inserts use ON CONFLICT DO NOTHING.
    uniqueIndex("assignments_experiment_id_user_id_key").on(t.experimentId, t.userId),
    index("assignments_variant_id_idx").on(t.variantId),
    index("assignments_user_id_idx").on(t.userId),
    index("assignments_experiment_id_xid_idx").on(t.experimentId, t.xid),
  ],
);

/** Addition to the seed: every bandit re-weighting, so allocations can be audited and replayed. */
export const banditAllocations = experimentation.table(
  "bandit_allocations",
  {
    id: id(),
    experimentId: uuid("experiment_id")
      .notNull()
      .references(() => experiments.id, { onDelete: "cascade" }),
    metricId: uuid("metric_id").references(() => metrics.id, { onDelete: "set null" }),
    /** `[{variantId, weight, users, mean}]`: the weights set and the evidence they came from. */
    allocations: jsonb("allocations").$type<Array<Record<string, unknown>>>().notNull(),
    trigger: text("trigger").notNull(),
    ...timestamps,
  },
  (t) => [
    index("bandit_allocations_experiment_id_created_at_idx").on(t.experimentId, t.createdAt),
    check("bandit_allocations_trigger_valid", sql`${t.trigger} in ('schedule', 'manual', 'start')`),
  ],
);

export const experimentsRelations = relations(experiments, ({ one, many }) => ({
  owner: one(users, { fields: [experiments.ownerId], references: [users.id] }),
  variants: many(variants),
  assignments: many(assignments),
  events: many(events),
  metricDefinitions: many(metrics),
  banditAllocations: many(banditAllocations),
}));

export const variantsRelations = relations(variants, ({ one, many }) => ({
  experiment: one(experiments, { fields: [variants.experimentId], references: [experiments.id] }),
  assignments: many(assignments),
}));

export const metricsRelations = relations(metrics, ({ one }) => ({
  experiment: one(experiments, { fields: [metrics.experimentId], references: [experiments.id] }),
}));

export const assignmentsRelations = relations(assignments, ({ one }) => ({
  experiment: one(experiments, { fields: [assignments.experimentId], references: [experiments.id] }),
  variant: one(variants, { fields: [assignments.variantId], references: [variants.id] }),
}));

export const banditAllocationsRelations = relations(banditAllocations, ({ one }) => ({
  experiment: one(experiments, { fields: [banditAllocations.experimentId], references: [experiments.id] }),
  metric: one(metrics, { fields: [banditAllocations.metricId], references: [metrics.id] }),
}));
