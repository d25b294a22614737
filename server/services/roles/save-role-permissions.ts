import { eq, inArray } from "drizzle-orm";
import type { Permission } from "@/core/permissions/permissions";
import type { Executor } from "@/db/client";
import { permissions, rolePermissions } from "@/db/schema";

/** Replaces a role's permissions with these (names already checked against the catalogue's shape). */
export async function saveRolePermissions(tx: Executor, roleId: string, wanted: readonly Permission[]): Promise<void> {
  await tx.delete(rolePermissions).where(eq(rolePermissions.roleId, roleId));
  if (wanted.length === 0) return;
  const rows = await tx.select({ id: permissions.id }).from(permissions).where(inArray(permissions.name, [...wanted]));
  if (rows.length !== new Set(wanted).size) throw new Error("the permission catalogue lacks a permission the schema accepts");
  await tx.insert(rolePermissions).values(rows.map((p) => ({ roleId, permissionId: p.id })));
}
