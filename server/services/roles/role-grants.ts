import { eq, inArray } from "drizzle-orm";
import { type Actor, type Permission, can, isPermission } from "@/core/permissions/permissions";
import type { Executor } from "@/db/client";
import { permissions, rolePermissions, roles } from "@/db/schema";
import { Forbidden, Invalid } from "../../errors";

export interface FoundRole {
  id: string;
  name: string;
  isBuiltin: boolean;
  permissions: Permission[];
}

/** The named roles with their permissions; unknown names are refused, naming the roles there are. */
export async function findRoles(tx: Executor, names: readonly string[], field = "roles"): Promise<FoundRole[]> {
  const wanted = [...new Set(names)];
  if (wanted.length === 0) return [];
  const found = await tx.select({ id: roles.id, name: roles.name, isBuiltin: roles.isBuiltin }).from(roles).where(inArray(roles.name, wanted));
  const unknown = wanted.filter((n) => !found.some((r) => r.name === n));
  if (unknown.length) {
    const all = await tx.select({ name: roles.name }).from(roles).orderBy(roles.name);
    throw new Invalid(`Unknown role ${unknown.map((u) => `"${u}"`).join(", ")}. Roles: ${all.map((r) => r.name).join(", ")}.`, {
      [field]: [`Unknown role: ${unknown.join(", ")}`],
    });
  }
  const grants = await tx
    .select({ roleId: rolePermissions.roleId, name: permissions.name })
    .from(rolePermissions)
    .innerJoin(permissions, eq(permissions.id, rolePermissions.permissionId))
    .where(inArray(rolePermissions.roleId, found.map((r) => r.id)));
  return found
    .map((r) => ({ ...r, permissions: grants.filter((g) => g.roleId === r.id).map((g) => g.name).filter(isPermission).sort() }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The permissions among these that the actor does not hold. */
export function permissionsBeyond(actor: Actor, wanted: Iterable<Permission>): Permission[] {
  return [...new Set(wanted)].filter((p) => {
    const [resource, action] = p.split(":") as [Parameters<typeof can>[1], Parameters<typeof can>[2]];
    return !can(actor, resource, action);
  });
}

/**
 * Nobody hands out rights they do not hold themselves (no escalation through roles, keys or
 * role edits): refuses when any of the permissions is beyond the actor's own.
 */
export function assertGrantable(actor: Actor, wanted: Iterable<Permission>, what: string): void {
  const beyond = permissionsBeyond(actor, wanted);
  if (beyond.length) throw new Forbidden(`You cannot ${what}: it grants permissions you do not hold (${beyond.join(", ")}).`);
}
