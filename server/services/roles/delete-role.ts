import { count, eq } from "drizzle-orm";
import { apiKeys, roles, userRoles } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { Conflict, Invalid } from "../../errors";
import { validate } from "../validate";
import { findRoleForUpdate } from "./find-role";
import { deleteRoleSchema, roleNameSchema } from "./role.schema";

export class RoleInUse extends Conflict {
  constructor(
    readonly role: string,
    readonly users: number,
    readonly keys: number,
  ) {
    const held = [users ? `${users} user${users === 1 ? "" : "s"}` : null, keys ? `${keys} API key${keys === 1 ? "" : "s"}` : null].filter(Boolean).join(" and ");
    super(`The role "${role}" is held by ${held}. Deleting it takes it from the users and deletes the keys; confirm to go ahead.`);
  }
}

/** Holders of a role: users, and admin keys bound to it (revoked or not, since the key row references the role). */
async function roleHolders(ctx: Pick<ServiceContext, "db">, roleId: string): Promise<{ users: number; keys: number }> {
  const [[u], [k]] = await Promise.all([
    ctx.db.select({ n: count() }).from(userRoles).where(eq(userRoles.roleId, roleId)),
    ctx.db.select({ n: count() }).from(apiKeys).where(eq(apiKeys.roleId, roleId)),
  ]);
  return { users: u?.n ?? 0, keys: k?.n ?? 0 };
}

/**
 * Deletes a custom role. Built-ins cannot be deleted. A role in use is deleted only with `confirm`:
 * its users lose it and the admin keys bound to it are deleted (a key cannot exist without its role),
 * each with its own audit row so every instance's key cache forgets them.
 */
export async function deleteRole(ctx: ServiceContext, input: { role: string; confirm?: boolean }): Promise<void> {
  authorize(ctx, "role", "delete");
  const name = validate(roleNameSchema, input.role);
  const { confirm } = validate(deleteRoleSchema, { confirm: input.confirm });
  await ctx.db.transaction(async (tx) => {
    const role = await findRoleForUpdate(tx, name);
    if (role.isBuiltin) throw new Invalid(`The built-in role "${name}" cannot be deleted.`);
    const held = await roleHolders({ db: tx }, role.id);
    if ((held.users || held.keys) && !confirm) throw new RoleInUse(name, held.users, held.keys);
    const keys = await tx.delete(apiKeys).where(eq(apiKeys.roleId, role.id)).returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
    for (const key of keys) {
      await writeAudit(tx, ctx.actor, { action: "api_key.delete", entityType: "api_key", entityId: key.id, before: { ...key, role: name } });
    }
    await tx.delete(roles).where(eq(roles.id, role.id));
    await writeAudit(tx, ctx.actor, { action: "role.delete", entityType: "role", entityId: role.id, before: { ...role, users: held.users } });
  });
}
