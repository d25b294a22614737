import { eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { signInThrottle } from "@/db/schema";

/**
 * Failed sign-ins are counted per account-and-address (so one attacker cannot lock a user out from
 * everywhere) and per address (so one address cannot spray many accounts). Over the limit within the
 * window, that key is refused until the block expires. Counters live in the database so every app
 * instance sees them.
 */
export const THROTTLE_POLICY = {
  windowMs: 15 * 60_000,
  blockMs: 15 * 60_000,
  perAccountAndAddress: 5,
  perAddress: 50,
};

export interface ThrottleKeys {
  account: string;
  address: string;
}

export function throttleKeys(identifier: string, ip: string): ThrottleKeys {
  return { account: `account:${identifier.trim().toLowerCase()}|ip:${ip}`, address: `ip:${ip}` };
}

/** Milliseconds until sign-in is allowed again for these keys; 0 when not blocked. */
export async function blockedFor(db: Executor, keys: ThrottleKeys, now = new Date()): Promise<number> {
  const rows = await db
    .select({ blockedUntil: signInThrottle.blockedUntil })
    .from(signInThrottle)
    .where(inArray(signInThrottle.key, [keys.account, keys.address]));
  const until = Math.max(0, ...rows.map((r) => r.blockedUntil?.getTime() ?? 0));
  return Math.max(0, until - now.getTime());
}

async function countFailure(db: Executor, key: string, limit: number, now: Date): Promise<void> {
  const blockUntil = new Date(now.getTime() + THROTTLE_POLICY.blockMs);
  // Raw SQL parameters go as ISO strings with a cast: postgres.js (under Drizzle) does not serialize
  // Date objects inside sql``, though PGlite does.
  const windowStart = sql`${new Date(now.getTime() - THROTTLE_POLICY.windowMs).toISOString()}::timestamptz`;
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const blockUntilSql = sql`${blockUntil.toISOString()}::timestamptz`;
  // One statement, so concurrent failures all count: a stale window restarts at 1.
  await db
    .insert(signInThrottle)
    .values({ key, failures: 1, windowStartedAt: now, blockedUntil: limit <= 1 ? blockUntil : null })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart} then 1 else ${signInThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart} then ${nowSql} else ${signInThrottle.windowStartedAt} end`,
        blockedUntil: sql`case when ${signInThrottle.windowStartedAt} >= ${windowStart} and ${signInThrottle.failures} + 1 >= ${limit} then ${blockUntilSql} else ${signInThrottle.blockedUntil} end`,
        updatedAt: now,
      },
    });
}

export async function recordFailure(db: Executor, keys: ThrottleKeys, now = new Date()): Promise<void> {
  await countFailure(db, keys.account, THROTTLE_POLICY.perAccountAndAddress, now);
  await countFailure(db, keys.address, THROTTLE_POLICY.perAddress, now);
}

/** A successful sign-in clears the account's counter (not the address's: that one guards spraying). */
export async function recordSuccess(db: Executor, keys: ThrottleKeys): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, keys.account));
}
