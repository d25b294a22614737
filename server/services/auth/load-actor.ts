import { eq } from "drizzle-orm";
import { type Actor, type Permission, isPermission } from "@/core/permissions/permissions";
import type { Executor } from "@/db/client";
import { permissions, rolePermissions, roles, userRoles, users } from "@/db/schema";

export interface SignedInUser {
  id: string;
  username: string;
  email: string;
  fullName: string | null;
  isSuperuser: boolean;
  roles: string[];
  preferences: unknown;
  actor: Actor;
}

/** The permissions granted through a role. */
export async function rolePermissionSet(db: Executor, roleId: string): Promise<Set<Permission>> {
  const rows = await db
    .select({ name: permissions.name })
    .from(rolePermissions)
    .innerJoin(permissions, eq(permissions.id, rolePermissions.permissionId))
    .where(eq(rolePermissions.roleId, roleId));
  return new Set(rows.map((r) => r.name).filter(isPermission));
}

/**
 * Loads an active user with roles and permissions; null for an unknown or deactivated user, or when
 * the session was issued under an older session version (a password change, reset or deactivation
 * since ended it).
 */
export async function loadSignedInUser(db: Executor, userId: string, sessionVersion: number): Promise<SignedInUser | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || !user.isActive || user.sessionVersion !== sessionVersion) return null;
  const rows = await db
    .select({ role: roles.name, permission: permissions.name })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .leftJoin(rolePermissions, eq(rolePermissions.roleId, roles.id))
    .leftJoin(permissions, eq(permissions.id, rolePermissions.permissionId))
    .where(eq(userRoles.userId, user.id));
  const roleNames = [...new Set(rows.map((r) => r.role))].sort();
  const granted = new Set(rows.map((r) => r.permission).filter((p): p is Permission => p !== null && isPermission(p)));
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    fullName: user.fullName,
    isSuperuser: user.isSuperuser,
    roles: roleNames,
    preferences: user.preferences,
    actor: { kind: "user", id: user.id, label: user.username, isSuperuser: user.isSuperuser, permissions: granted },
  };
}
