import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { writeAudit } from "../../audit";
import { hashPassword } from "../../auth/password";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { Forbidden } from "../../errors";
import { validate } from "../validate";
import { findUser } from "./find-user";
import { type ResetPasswordInput, resetPasswordSchema, userRefSchema } from "./user.schema";

/** 18 random bytes in base64url: 24 characters, 144 bits, readable aloud in groups. */
export function oneTimePassword(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * An administrator sets someone's password, to the one given or to a generated one-time password that
 * is returned once (never logged or audited). Every session of that user ends. Your own password is
 * changed on the profile page, which asks for the current one.
 */
export async function resetUserPassword(ctx: ServiceContext, input: { user: string } & ResetPasswordInput): Promise<{ password: string | null }> {
  authorize(ctx, "user", "update");
  const ref = validate(userRefSchema, input.user);
  const data = validate(resetPasswordSchema, { password: input.password });
  const password = data.password ?? oneTimePassword();
  const hashedPassword = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const user = await findUser(tx, ref, { forUpdate: true });
    if (ctx.actor.kind === "user" && ctx.actor.id === user.id) throw new Forbidden("Change your own password on your profile page.");
    if (user.isSuperuser && !ctx.actor.isSuperuser) throw new Forbidden("Only a superuser can reset a superuser's password.");
    await tx
      .update(users)
      .set({ hashedPassword, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    await writeAudit(tx, ctx.actor, {
      action: "user.reset_password",
      entityType: "user",
      entityId: user.id,
      after: { username: user.username, generated: data.password === undefined },
    });
  });
  return { password: data.password === undefined ? password : null };
}
