import { relations, sql } from "drizzle-orm";
import { check, doublePrecision, index, jsonb, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { FlagRule, FlagVariant } from "../../core/flags/flag-definition";
import { experimentation, id, instant, timestamps } from "./columns";
import { flagStatus } from "./enums";
import { events } from "./events";
import { users } from "./users";

export const featureFlags = experimentation.table(
  "feature_flags",
  {
    id: id(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    status: flagStatus("status").notNull().default("INACTIVE"),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    /** Ordered rules `{id, description?, condition, serve?, rolloutPercentage?}` (DESIGN §5). */
    targetingRules: jsonb("targeting_rules").$type<FlagRule[]>().notNull().default([]),
    rolloutPercentage: doublePrecision("rollout_percentage").notNull().default(0),
    /** Null for a boolean flag, else `[{key, value, weight}]` with weights summing to 100. */
    variants: jsonb("variants").$type<FlagVariant[] | null>(),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("feature_flags_key_key").on(t.key),
    index("feature_flags_status_idx").on(t.status),
    index("feature_flags_owner_id_idx").on(t.ownerId),
    index("feature_flags_updated_at_idx").on(t.updatedAt),
    index("feature_flags_name_idx").on(t.name),
    index("feature_flags_tags_idx").using("gin", t.tags),
    check("feature_flags_key_format", sql`${t.key} ~ '^[A-Za-z0-9][A-Za-z0-9_.-]*$'`),
    check("feature_flags_rollout_percentage_range", sql`${t.rolloutPercentage} >= 0 and ${t.rolloutPercentage} <= 100`),
    check("feature_flags_targeting_rules_array", sql`jsonb_typeof(${t.targetingRules}) = 'array'`),
    check("feature_flags_variants_array", sql`${t.variants} is null or jsonb_typeof(${t.variants}) = 'array'`),
    check("feature_flags_tags_array", sql`jsonb_typeof(${t.tags}) = 'array'`),
  ],
);

export const featureFlagOverrides = experimentation.table(
  "feature_flag_overrides",
  {
    id: id(),
    featureFlagId: uuid("feature_flag_id")
      .notNull()
      .references(() => featureFlags.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    value: jsonb("value").$type<unknown>().notNull(),
    reason: text("reason"),
    expiresAt: instant("expires_at"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("feature_flag_overrides_feature_flag_id_user_id_key").on(t.featureFlagId, t.userId),
    index("feature_flag_overrides_expires_at_idx").on(t.expiresAt),
    index("feature_flag_overrides_user_id_idx").on(t.userId),
  ],
);

export const featureFlagsRelations = relations(featureFlags, ({ one, many }) => ({
  owner: one(users, { fields: [featureFlags.ownerId], references: [users.id] }),
  overrides: many(featureFlagOverrides),
  events: many(events),
}));

export const featureFlagOverridesRelations = relations(featureFlagOverrides, ({ one }) => ({
  featureFlag: one(featureFlags, { fields: [featureFlagOverrides.featureFlagId], references: [featureFlags.id] }),
}));
