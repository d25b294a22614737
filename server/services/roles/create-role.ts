import type { Permission } from "@/core/permissions/permissions";
import { roles } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { uniqueViolation } from "../../db-errors";
import { Conflict } from "../../errors";
import { validate } from "../validate";
import { assertGrantable } from "./role-grants";
import { type CreateRoleInput, createRoleSchema } from "./role.schema";
import { saveRolePermissions } from "./save-role-permissions";

export interface RoleView {
  id: string;
  name: string;
  description: string | null;
  isBuiltin: boolean;
  permissions: Permission[];
}

/** Creates a custom role; nobody creates a role with permissions they do not hold. */
export async function createRole(ctx: ServiceContext, input: CreateRoleInput): Promise<RoleView> {
  authorize(ctx, "role", "create");
  const data = validate(createRoleSchema, input);
  const granted = [...new Set(data.permissions as Permission[])].sort();
  assertGrantable(ctx.actor, granted, `create the role "${data.name}"`);
  const taken = () => new Conflict(`A role named "${data.name}" exists.`, { name: ["This name is taken."] });
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(roles)
        .values({ name: data.name, description: data.description || null })
        .onConflictDoNothing()
        .returning();
      if (!row) throw taken();
      await saveRolePermissions(tx, row.id, granted);
      const created: RoleView = { id: row.id, name: row.name, description: row.description, isBuiltin: false, permissions: granted };
      await writeAudit(tx, ctx.actor, { action: "role.create", entityType: "role", entityId: row.id, after: created });
      return created;
    });
  } catch (error) {
    if (uniqueViolation(error)) throw taken();
    throw error;
  }
}
