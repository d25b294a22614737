import { sql } from "drizzle-orm";
import { z } from "zod";
import { systemActor } from "@/core/permissions/permissions";
import type { Database, Executor } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword } from "../../auth/password";
import { Conflict } from "../../errors";
import { type CreatedUser, insertUser } from "../users/create-user";
import { emailSchema, passwordSchema, usernameSchema } from "../users/user.schema";
import { validate } from "../validate";

export const firstSuperuserSchema = z
  .object({
    username: usernameSchema,
    email: emailSchema,
    fullName: z.string().trim().max(200, "Full name must be at most 200 characters.").optional(),
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." });

export async function hasAnyUser(db: Executor): Promise<boolean> {
  const rows = await db.select({ one: sql`1` }).from(users).limit(1);
  return rows.length > 0;
}

const SETUP_LOCK = 7_310_452_020;

/**
 * First-run setup: on an installation with no user, creates the first superuser (with the admin
 * role). Nobody is signed in yet, so this is the one service without a permission check; instead it
 * refuses once a user exists, and two racing requests are serialized by an advisory lock.
 */
export async function createFirstSuperuser(db: Database, input: unknown): Promise<CreatedUser> {
  const data = validate(firstSuperuserSchema, input);
  const hashedPassword = await hashPassword(data.password);
  const actor = systemActor("setup");
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    if (await hasAnyUser(tx)) throw new Conflict("Setup is already complete: sign in instead.");
    return insertUser(tx, { db, actor }, {
      username: data.username,
      email: data.email,
      fullName: data.fullName || undefined,
      hashedPassword,
      roles: ["admin"],
      isSuperuser: true,
    });
  });
}
