import { eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { verifyAgainstDummy, verifyPassword } from "../../auth/password";
import { Invalid, TooManyRequests, Unauthenticated } from "../../errors";
import { validate } from "../validate";
import { blockedFor, recordFailure, recordSuccess, throttleKeys } from "./sign-in-throttle";

export const credentialsSchema = z.object({
  identifier: z.string().trim().min(1, "Enter your username or email.").max(254, "That is too long for a username or email."),
  password: z.string().min(1, "Enter your password.").max(256, "That password is too long."),
});

export interface VerifiedUser {
  id: string;
  username: string;
  email: string;
  fullName: string | null;
  /** Stamped into the session, which is refused once the account's version moves on. */
  sessionVersion: number;
}

/** One message for every wrong-credentials case, so the answer does not reveal which accounts exist. */
export const WRONG_CREDENTIALS = "Wrong username, email or password.";

/**
 * Checks a sign-in by username or email. Refuses while the account-and-address (or the address) is
 * throttled, counts failures, refuses inactive accounts, and records the successful login.
 */
export async function verifyCredentials(db: Database, input: unknown, ip: string, now = new Date()): Promise<VerifiedUser> {
  const { identifier, password } = validate(credentialsSchema, input);
  const keys = throttleKeys(identifier, ip);
  const waitMs = await blockedFor(db, keys, now);
  if (waitMs > 0) {
    const minutes = Math.ceil(waitMs / 60_000);
    throw new TooManyRequests(
      `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      Math.ceil(waitMs / 1000),
    );
  }
  const [user] = await db
    .select()
    .from(users)
    .where(or(sql`lower(${users.username}) = lower(${identifier})`, sql`lower(${users.email}) = lower(${identifier})`))
    .limit(1);
  const ok = user ? await verifyPassword(user.hashedPassword, password) : (await verifyAgainstDummy(password), false);
  if (!user || !ok) {
    await recordFailure(db, keys, now);
    throw new Unauthenticated(WRONG_CREDENTIALS);
  }
  if (!user.isActive) throw new Invalid("This account is deactivated. Ask an administrator to reactivate it.");
  await recordSuccess(db, keys);
  await db.update(users).set({ lastLogin: now }).where(eq(users.id, user.id));
  return { id: user.id, username: user.username, email: user.email, fullName: user.fullName, sessionVersion: user.sessionVersion };
}
