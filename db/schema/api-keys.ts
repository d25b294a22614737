import { relations, sql } from "drizzle-orm";
import { check, index, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { experimentation, id, instant, timestamps } from "./columns";
import { apiKeyType } from "./enums";
import { roles, users } from "./users";

/** Addition to the seed (DESIGN §4): SDK and automation credentials, stored as hashes only. */
export const apiKeys = experimentation.table(
  "api_keys",
  {
    id: id(),
    name: text("name").notNull(),
    type: apiKeyType("type").notNull(),
    /** The first characters of the key, shown in lists so a person can tell keys apart. */
    prefix: text("prefix").notNull(),
    /** SHA-256 of the whole key (hex). Keys are 190 random bits, so a fast hash is safe and lookups stay O(1). */
    keyHash: text("key_hash").notNull(),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    /** Admin keys act with this role's permissions; client and server keys have fixed rights. */
    roleId: uuid("role_id").references(() => roles.id, { onDelete: "restrict" }),
    lastUsedAt: instant("last_used_at"),
    expiresAt: instant("expires_at"),
    revokedAt: instant("revoked_at"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("api_keys_key_hash_key").on(t.keyHash),
    index("api_keys_owner_id_idx").on(t.ownerId),
    index("api_keys_role_id_idx").on(t.roleId),
    index("api_keys_created_at_idx").on(t.createdAt),
    check("api_keys_admin_has_role", sql`${t.type} <> 'admin' or ${t.roleId} is not null`),
    check("api_keys_name_not_blank", sql`length(trim(${t.name})) > 0`),
  ],
);

export const apiKeysRelations = relations(apiKeys, ({ one }) => ({
  owner: one(users, { fields: [apiKeys.ownerId], references: [users.id] }),
  role: one(roles, { fields: [apiKeys.roleId], references: [roles.id] }),
}));
