import { eq } from "drizzle-orm";
import type { Permission } from "@/core/permissions/permissions";
import { roles } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { Invalid } from "../../errors";
import { validate } from "../validate";
import type { RoleView } from "./create-role";
import { findRoleForUpdate } from "./find-role";
import { assertGrantable } from "./role-grants";
import { type UpdateRoleInput, roleNameSchema, updateRoleSchema } from "./role.schema";
import { saveRolePermissions } from "./save-role-permissions";

/**
 * Edits a role's description and permissions. Built-in roles keep at least one permission; nobody
 * adds a permission they do not hold. The audit row (entity type "role") is also the notice that
 * makes every instance drop the cached permissions of admin keys, so a change applies at once.
 */
export async function updateRole(ctx: ServiceContext, input: { role: string; changes: UpdateRoleInput }): Promise<RoleView> {
  authorize(ctx, "role", "update");
  const name = validate(roleNameSchema, input.role);
  const changes = validate(updateRoleSchema, input.changes);
  return ctx.db.transaction(async (tx) => {
    const before = await findRoleForUpdate(tx, name);
    const after: RoleView = { ...before };
    if (changes.description !== undefined) {
      after.description = changes.description || null;
      await tx.update(roles).set({ description: after.description }).where(eq(roles.id, before.id));
    }
    if (changes.permissions !== undefined) {
      const wanted = [...new Set(changes.permissions as Permission[])].sort();
      if (before.isBuiltin && wanted.length === 0) {
        throw new Invalid(`The built-in role "${name}" cannot be emptied.`, { permissions: ["Built-in roles keep at least one permission."] });
      }
      assertGrantable(ctx.actor, wanted.filter((p) => !before.permissions.includes(p)), `add these permissions to "${name}"`);
      await saveRolePermissions(tx, before.id, wanted);
      after.permissions = wanted;
      // The roles row is touched too, so updated_at tells when the role last changed.
      await tx.update(roles).set({ updatedAt: new Date() }).where(eq(roles.id, before.id));
    }
    await writeAudit(tx, ctx.actor, { action: "role.update", entityType: "role", entityId: before.id, before, after });
    return after;
  });
}
