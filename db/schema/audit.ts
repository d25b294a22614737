import { relations } from "drizzle-orm";
import { index, jsonb, text, uuid } from "drizzle-orm/pg-core";
import { apiKeys } from "./api-keys";
import { experimentation, id, timestamps } from "./columns";
import { users } from "./users";

/** Addition to the seed (DESIGN §4): one row per change, written in the same transaction as the change. */
export const auditLog = experimentation.table(
  "audit_log",
  {
    id: id(),
    // The log outlives the actors it names: deleting a user or key keeps the row and its label.
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorApiKeyId: uuid("actor_api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before").$type<unknown>(),
    after: jsonb("after").$type<unknown>(),
    ...timestamps,
  },
  (t) => [
    index("audit_log_created_at_idx").on(t.createdAt),
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_actor_user_id_idx").on(t.actorUserId),
    index("audit_log_actor_api_key_id_idx").on(t.actorApiKeyId),
    index("audit_log_action_idx").on(t.action),
  ],
);

export const auditLogRelations = relations(auditLog, ({ one }) => ({
  actorUser: one(users, { fields: [auditLog.actorUserId], references: [users.id] }),
  actorApiKey: one(apiKeys, { fields: [auditLog.actorApiKeyId], references: [apiKeys.id] }),
}));
