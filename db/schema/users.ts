import { relations, sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { apiKeys } from "./api-keys";
import { experimentation, id, instant, timestamps } from "./columns";
import { experiments } from "./experiments";
import { featureFlags } from "./flags";

export const users = experimentation.table(
  "users",
  {
    id: id(),
    username: text("username").notNull(),
    email: text("email").notNull(),
    hashedPassword: text("hashed_password").notNull(),
    fullName: text("full_name"),
    isActive: boolean("is_active").notNull().default(true),
    isSuperuser: boolean("is_superuser").notNull().default(false),
    lastLogin: instant("last_login"),
    preferences: jsonb("preferences").$type<Record<string, unknown>>().notNull().default({}),
    /**
     * Sessions carry the version they were issued under; raising it (password change or reset,
     * deactivation) ends every session issued before, on every instance, at their next request.
     */
    sessionVersion: integer("session_version").notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_username_key").on(t.username),
    uniqueIndex("users_email_key").on(t.email),
    // Sign-in accepts either name in any case, so two accounts must not differ only by case.
    uniqueIndex("users_username_lower_key").on(sql`lower(${t.username})`),
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    index("users_is_active_idx").on(t.isActive),
    check("users_username_not_blank", sql`length(trim(${t.username})) > 0`),
    check("users_email_shape", sql`position('@' in ${t.email}) > 1`),
  ],
);

export const roles = experimentation.table(
  "roles",
  {
    id: id(),
    name: text("name").notNull(),
    description: text("description"),
    /** Built-in roles (admin, experimenter, viewer) are seeded by a migration and cannot be deleted. */
    isBuiltin: boolean("is_builtin").notNull().default(false),
    ...timestamps,
  },
  (t) => [uniqueIndex("roles_name_key").on(t.name)],
);

export const permissions = experimentation.table(
  "permissions",
  {
    id: id(),
    name: text("name").notNull(),
    description: text("description"),
    resource: text("resource").notNull(),
    action: text("action").notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("permissions_name_key").on(t.name),
    uniqueIndex("permissions_resource_action_key").on(t.resource, t.action),
    check("permissions_action_valid", sql`${t.action} in ('create', 'read', 'update', 'delete')`),
  ],
);

/** Seed `user_role_association`. */
export const userRoles = experimentation.table(
  "user_roles",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roleId: uuid("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    createdAt: timestamps.createdAt,
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] }), index("user_roles_role_id_idx").on(t.roleId)],
);

/** Seed role ↔ permission association. */
export const rolePermissions = experimentation.table(
  "role_permissions",
  {
    roleId: uuid("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    permissionId: uuid("permission_id")
      .notNull()
      .references(() => permissions.id, { onDelete: "cascade" }),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    primaryKey({ columns: [t.roleId, t.permissionId] }),
    index("role_permissions_permission_id_idx").on(t.permissionId),
  ],
);

/**
 * Failed sign-ins per throttle key ("account:<name>|ip:<address>" and "ip:<address>"), shared by
 * every app instance so that throttling holds behind a load balancer.
 */
export const signInThrottle = experimentation.table(
  "sign_in_throttle",
  {
    id: id(),
    key: text("key").notNull(),
    failures: integer("failures").notNull().default(0),
    windowStartedAt: instant("window_started_at").notNull().defaultNow(),
    blockedUntil: instant("blocked_until"),
    ...timestamps,
  },
  (t) => [uniqueIndex("sign_in_throttle_key_key").on(t.key), check("sign_in_throttle_failures_nonnegative", sql`${t.failures} >= 0`)],
);

export const usersRelations = relations(users, ({ many }) => ({
  userRoles: many(userRoles),
  experiments: many(experiments),
  featureFlags: many(featureFlags),
  apiKeys: many(apiKeys),
}));

export const rolesRelations = relations(roles, ({ many }) => ({
  userRoles: many(userRoles),
  rolePermissions: many(rolePermissions),
}));

export const permissionsRelations = relations(permissions, ({ many }) => ({
  rolePermissions: many(rolePermissions),
}));

export const userRolesRelations = relations(userRoles, ({ one }) => ({
  user: one(users, { fields: [userRoles.userId], references: [users.id] }),
  role: one(roles, { fields: [userRoles.roleId], references: [roles.id] }),
}));

export const rolePermissionsRelations = relations(rolePermissions, ({ one }) => ({
  role: one(roles, { fields: [rolePermissions.roleId], references: [roles.id] }),
  permission: one(permissions, { fields: [rolePermissions.permissionId], references: [permissions.id] }),
}));
