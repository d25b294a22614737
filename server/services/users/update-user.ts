import { type SQL, and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { uniqueViolation } from "../../db-errors";
import { Conflict, Forbidden } from "../../errors";
import { assertGrantable, findRoles } from "../roles/role-grants";
import { validate } from "../validate";
import { type UserView, findUser, roleNamesOf, userView } from "./find-user";
import { type UpdateUserInput, updateUserSchema, userRefSchema } from "./user.schema";

/** Refuses to leave the installation without an active superuser (superusers locked, so two demotions cannot race). */
export async function assertAnotherActiveSuperuser(tx: Executor, userId: string): Promise<void> {
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.isSuperuser, true), eq(users.isActive, true), ne(users.id, userId)))
    .for("update");
  if (others.length === 0) throw new Conflict("This is the last active superuser: make another user a superuser first.");
}

/**
 * An administrator edits an account: email, full name, roles, superuser, active. Nobody changes their
 * own roles, superuser flag or active state (no self-lockout, no self-promotion); only superusers
 * grant or revoke superuser; nobody assigns a role with permissions beyond their own; the last
 * active superuser stays. Deactivation ends the user's sessions at once.
 */
export async function updateUser(ctx: ServiceContext, input: { user: string; changes: UpdateUserInput }): Promise<UserView> {
  authorize(ctx, "user", "update");
  const ref = validate(userRefSchema, input.user);
  const changes = validate(updateUserSchema, input.changes);
  try {
    return await ctx.db.transaction(async (tx) => {
      const user = await findUser(tx, ref, { forUpdate: true });
      const beforeRoles = await roleNamesOf(tx, user.id);
      const before = userView(user, beforeRoles);
      const self = ctx.actor.kind === "user" && ctx.actor.id === user.id;
      const rolesChange = changes.roles !== undefined && [...new Set(changes.roles)].sort().join() !== beforeRoles.join();
      const superuserChange = changes.isSuperuser !== undefined && changes.isSuperuser !== user.isSuperuser;
      const activeChange = changes.isActive !== undefined && changes.isActive !== user.isActive;

      if (self && (rolesChange || superuserChange || activeChange)) {
        throw new Forbidden("You cannot change your own roles, superuser status or active state: ask another administrator.");
      }
      if (superuserChange && !ctx.actor.isSuperuser) throw new Forbidden("Only a superuser can grant or revoke superuser.");
      if (user.isSuperuser && !ctx.actor.isSuperuser && (activeChange || changes.email !== undefined)) {
        throw new Forbidden("Only a superuser can change a superuser's account.");
      }
      if ((superuserChange && !changes.isSuperuser) || (activeChange && !changes.isActive && user.isSuperuser)) {
        await assertAnotherActiveSuperuser(tx, user.id);
      }

      const set: Partial<Omit<typeof users.$inferInsert, "sessionVersion">> & { sessionVersion?: SQL } = {};
      if (changes.email !== undefined) set.email = changes.email;
      if (changes.fullName !== undefined) set.fullName = changes.fullName || null;
      if (superuserChange) set.isSuperuser = changes.isSuperuser;
      if (activeChange) set.isActive = changes.isActive;
      // A deactivated user's sessions end now, and stay ended if the account is reactivated later.
      if (activeChange && !changes.isActive) set.sessionVersion = sql`${users.sessionVersion} + 1`;
      const [updated] = Object.keys(set).length ? await tx.update(users).set(set).where(eq(users.id, user.id)).returning() : [user];
      if (!updated) throw new Error("update of users returned no row");

      let roleNames = beforeRoles;
      if (rolesChange && changes.roles) {
        const wanted = await findRoles(tx, changes.roles);
        const added = wanted.filter((r) => !beforeRoles.includes(r.name));
        assertGrantable(ctx.actor, added.flatMap((r) => r.permissions), `assign ${added.map((r) => `"${r.name}"`).join(", ")}`);
        await tx.delete(userRoles).where(eq(userRoles.userId, user.id));
        if (wanted.length) await tx.insert(userRoles).values(wanted.map((r) => ({ userId: user.id, roleId: r.id })));
        roleNames = wanted.map((r) => r.name);
      }

      const after = userView(updated, roleNames);
      const action = activeChange ? (changes.isActive ? "user.reactivate" : "user.deactivate") : "user.update";
      await writeAudit(tx, ctx.actor, { action, entityType: "user", entityId: user.id, before, after });
      return after;
    });
  } catch (error) {
    if (uniqueViolation(error)?.includes("email")) {
      throw new Conflict(`The email "${changes.email}" is already registered.`, { email: ["This email is already registered."] });
    }
    throw error;
  }
}
