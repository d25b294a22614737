import { relations, sql } from "drizzle-orm";
import { doublePrecision, index, jsonb, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { experimentation, id, timestamps } from "./columns";
import { writtenByTransaction } from "./xid8";
import { experiments, variants } from "./experiments";
import { featureFlags } from "./flags";

export const events = experimentation.table(
  "events",
  {
    id: id(),
    eventType: text("event_type").notNull(),
    userId: text("user_id").notNull(),
    // Events are facts: deleting what they refer to keeps them, detached.
    experimentId: uuid("experiment_id").references(() => experiments.id, { onDelete: "set null" }),
    featureFlagId: uuid("feature_flag_id").references(() => featureFlags.id, { onDelete: "set null" }),
    variantId: uuid("variant_id").references(() => variants.id, { onDelete: "set null" }),
    value: doublePrecision("value"),
    eventMetadata: jsonb("event_metadata").$type<Record<string, unknown> | null>(),
    /** Addition to the seed: who sent the event (API key id, or "ui"); scopes `client_event_id`. */
    source: text("source").notNull(),
    /** Addition to the seed: the sender's own event id, which makes a retried request idempotent. */
    clientEventId: text("client_event_id"),
    /** Addition: the writing transaction, the results refresh's watermark (docs/decisions/009). */
    xid: writtenByTransaction(),
    // Seed `created_at` is when the event happened (the API's `timestamp`, default now).
    ...timestamps,
  },
  (t) => [
    uniqueIndex("events_source_client_event_id_key")
      .on(t.source, t.clientEventId)
      .where(sql`${t.clientEventId} is not null`),
    index("events_experiment_id_event_type_user_id_idx").on(t.experimentId, t.eventType, t.userId),
    index("events_feature_flag_id_idx").on(t.featureFlagId),
    index("events_variant_id_idx").on(t.variantId),
    index("events_user_id_idx").on(t.userId),
    index("events_event_type_created_at_idx").on(t.eventType, t.createdAt),
    index("events_xid_idx").on(t.xid),
  ],
);

export const eventsRelations = relations(events, ({ one }) => ({
  experiment: one(experiments, { fields: [events.experimentId], references: [experiments.id] }),
  featureFlag: one(featureFlags, { fields: [events.featureFlagId], references: [featureFlags.id] }),
  variant: one(variants, { fields: [events.variantId], references: [variants.id] }),
}));
