import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { roles } from "@/db/schema";
import { NotFound } from "../../errors";
import type { RoleView } from "./create-role";
import { findRoles } from "./role-grants";

/** A role by name, locked for the transaction, with its permissions. */
export async function findRoleForUpdate(tx: Executor, name: string): Promise<RoleView> {
  const [locked] = await tx.select({ id: roles.id, description: roles.description }).from(roles).where(eq(roles.name, name)).for("update");
  if (!locked) throw new NotFound(`No role "${name}".`);
  const [role] = await findRoles(tx, [name]);
  if (!role) throw new NotFound(`No role "${name}".`);
  return { id: role.id, name: role.name, description: locked.description, isBuiltin: role.isBuiltin, permissions: role.permissions };
}
