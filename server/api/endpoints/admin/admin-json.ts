/**
 * Users, roles, API keys and audit entries as the API answers with them (DESIGN §7): camelCase, dates
 * as ISO-8601 strings. Each serializer returns its schema's type, so the documented shape and the sent
 * one cannot drift apart.
 */
import { z } from "zod";
import { PERMISSION_NAMES, isPermission } from "@/core/permissions/permissions";
import { apiKeyType } from "@/db/schema/enums";
import type { ApiKeyRow } from "../../../services/api-keys/list-api-keys";
import type { CreatedApiKey } from "../../../services/api-keys/create-api-key";
import type { AuditRow } from "../../../services/audit/list-audit-log";
import type { RoleView } from "../../../services/roles/create-role";
import type { RoleRow } from "../../../services/roles/list-roles";
import type { UserRow } from "../../../services/users/list-users";
import type { Page } from "../../../services/pagination";
import { named } from "../../openapi/endpoint-doc";

const instant = z.iso.datetime().describe("An ISO-8601 instant in UTC.");
const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const pageOf = <T extends z.ZodType>(rows: T) => z.object({ rows: z.array(rows), total: z.int(), page: z.int(), pageSize: z.int() });

export const userJsonSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  email: z.string(),
  fullName: z.string().nullable(),
  isActive: z.boolean(),
  isSuperuser: z.boolean(),
  lastLogin: instant.nullable(),
  roles: z.array(z.string()),
  createdAt: instant,
});
export type UserJson = z.infer<typeof userJsonSchema>;

export function userJson(user: Omit<UserRow, "createdAt"> & { createdAt: Date }): UserJson {
  return { ...pickUser(user), lastLogin: isoOrNull(user.lastLogin), createdAt: iso(user.createdAt) };
}

function pickUser(u: Omit<UserRow, "createdAt">) {
  return { id: u.id, username: u.username, email: u.email, fullName: u.fullName, isActive: u.isActive, isSuperuser: u.isSuperuser, roles: u.roles };
}

export const createdUserJsonSchema = userJsonSchema.extend({
  oneTimePassword: z.string().optional().describe("Only when no password was sent: the generated password, shown this once."),
});

const permissionEnum = z.enum(PERMISSION_NAMES);

export const roleJsonSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  isBuiltin: z.boolean(),
  permissions: z.array(permissionEnum),
  users: z.int().optional().describe("How many users hold the role (lists only)."),
  keys: z.int().optional().describe("How many admin keys are bound to the role (lists only)."),
});
export type RoleJson = z.infer<typeof roleJsonSchema>;

export function roleJson(role: RoleView | RoleRow): RoleJson {
  const names: readonly string[] = role.permissions;
  return { ...role, permissions: names.filter(isPermission) };
}

export const apiKeyJsonSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(apiKeyType.enumValues),
  prefix: z.string().describe("The key's first characters, to tell keys apart."),
  role: z.string().nullable().describe("Admin keys: the role whose permissions the key has."),
  owner: z.string().nullable().optional().describe("The username of whoever created it; null when made by a key or the CLI."),
  lastUsedAt: instant.nullable().optional(),
  expiresAt: instant.nullable(),
  revokedAt: instant.nullable().optional(),
  createdAt: instant,
});
export type ApiKeyJson = z.infer<typeof apiKeyJsonSchema>;

export function apiKeyJson(key: ApiKeyRow): ApiKeyJson {
  return { ...key, lastUsedAt: isoOrNull(key.lastUsedAt), expiresAt: isoOrNull(key.expiresAt), revokedAt: isoOrNull(key.revokedAt), createdAt: iso(key.createdAt) };
}

export const createdApiKeyJsonSchema = apiKeyJsonSchema.extend({ key: z.string().describe("The whole key: shown in this answer only, never again.") });

export function createdApiKeyJson(key: CreatedApiKey): z.infer<typeof createdApiKeyJsonSchema> {
  return { ...key, expiresAt: isoOrNull(key.expiresAt), createdAt: iso(key.createdAt) };
}

export const auditEntryJsonSchema = z.object({
  id: z.uuid(),
  createdAt: instant,
  actor: z.object({ kind: z.enum(["user", "api_key", "system"]), label: z.string() }),
  action: z.string().describe("`<entity>.<verb>`, e.g. `experiment.update`."),
  entityType: z.string(),
  entityId: z.string().nullable(),
  entityName: z.string().nullable().describe("The entity's key or name, as it is now or as it was when deleted."),
  before: z.unknown().describe("The entity before the change; null for a creation."),
  after: z.unknown().describe("The entity after the change; null for a deletion."),
});

export function auditEntryJson(row: AuditRow): z.infer<typeof auditEntryJsonSchema> {
  return {
    id: row.id,
    createdAt: iso(row.createdAt),
    actor: { kind: row.actorKind, label: row.actorLabel },
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    entityName: row.entityName,
    before: row.before,
    after: row.after,
  };
}

export function pageJson<Row, Json>(page: Page<Row>, toJson: (row: Row) => Json) {
  return { rows: page.rows.map(toJson), total: page.total, page: page.page, pageSize: page.pageSize };
}

export const adminBodies = {
  user: named("User", userJsonSchema),
  createdUser: named("CreatedUser", createdUserJsonSchema),
  userPage: named("UserPage", pageOf(userJsonSchema)),
  role: named("Role", roleJsonSchema),
  roleList: named("RoleList", z.object({ roles: z.array(roleJsonSchema) })),
  apiKey: named("ApiKey", apiKeyJsonSchema),
  createdApiKey: named("CreatedApiKey", createdApiKeyJsonSchema),
  apiKeyPage: named("ApiKeyPage", pageOf(apiKeyJsonSchema)),
  auditPage: named("AuditLogPage", pageOf(auditEntryJsonSchema)),
  passwordReset: named("PasswordResetResult", z.object({ oneTimePassword: z.string().nullable().describe("The generated password when none was sent; shown this once.") })),
};
