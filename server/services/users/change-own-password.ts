import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { writeAudit } from "../../audit";
import { hashPassword, verifyPassword } from "../../auth/password";
import type { ServiceContext } from "../../context";
import { Forbidden, Invalid } from "../../errors";
import { validate } from "../validate";
import { findUser } from "./find-user";
import { type ChangePasswordInput, changePasswordSchema } from "./user.schema";

/**
 * The signed-in user changes their password, proving the current one. Every session issued before
 * ends (the caller re-issues the current one); returns the new session version.
 */
export async function changeOwnPassword(ctx: ServiceContext, input: ChangePasswordInput): Promise<{ sessionVersion: number }> {
  if (ctx.actor.kind !== "user" || !ctx.actor.id) throw new Forbidden("Only a signed-in user has a password to change.");
  const userId = ctx.actor.id;
  const data = validate(changePasswordSchema, input);
  const user = await findUser(ctx.db, userId);
  if (!(await verifyPassword(user.hashedPassword, data.currentPassword))) {
    throw new Invalid("Your current password is not right.", { currentPassword: ["This is not your current password."] });
  }
  const hashedPassword = await hashPassword(data.newPassword);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ hashedPassword, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning({ sessionVersion: users.sessionVersion });
    if (!row) throw new Error("update of users returned no row");
    await writeAudit(tx, ctx.actor, { action: "user.change_password", entityType: "user", entityId: userId, after: { username: user.username } });
    return row;
  });
}
