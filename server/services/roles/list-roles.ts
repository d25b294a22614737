import { asc, count, eq } from "drizzle-orm";
import { apiKeys, permissions, rolePermissions, roles, userRoles } from "@/db/schema";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";

export interface RoleRow {
  id: string;
  name: string;
  description: string | null;
  isBuiltin: boolean;
  permissions: string[];
  users: number;
  /** Admin keys bound to the role. */
  keys: number;
}

/** Every role with its permissions and how many users hold it (roles are few: no paging). */
export async function listRoles(ctx: ServiceContext): Promise<RoleRow[]> {
  authorize(ctx, "role", "read");
  const [all, grants, holders, keyHolders] = await Promise.all([
    ctx.db.select().from(roles).orderBy(asc(roles.name)),
    ctx.db.select({ roleId: rolePermissions.roleId, name: permissions.name }).from(rolePermissions).innerJoin(permissions, eq(permissions.id, rolePermissions.permissionId)),
    ctx.db.select({ roleId: userRoles.roleId, n: count() }).from(userRoles).groupBy(userRoles.roleId),
    ctx.db.select({ roleId: apiKeys.roleId, n: count() }).from(apiKeys).groupBy(apiKeys.roleId),
  ]);
  return all.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    isBuiltin: r.isBuiltin,
    permissions: grants.filter((g) => g.roleId === r.id).map((g) => g.name).sort(),
    users: holders.find((h) => h.roleId === r.id)?.n ?? 0,
    keys: keyHolders.find((h) => h.roleId === r.id)?.n ?? 0,
  }));
}
