import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { roles, userRoles, users } from "@/db/schema";
import { NotFound } from "../../errors";
import type { UserRow } from "./list-users";

export type UserRecord = typeof users.$inferSelect;

const isUuid = (value: string) => z.uuid().safeParse(value).success;

/**
 * A user by id or by username (any case), locked for the rest of the transaction when `forUpdate`,
 * so two administrators editing one account apply one after the other.
 */
export async function findUser(tx: Executor, ref: string, options: { forUpdate?: boolean } = {}): Promise<UserRecord> {
  const where = isUuid(ref) ? eq(users.id, ref) : sql`lower(${users.username}) = lower(${ref})`;
  const query = tx.select().from(users).where(where).limit(1);
  const [user] = options.forUpdate ? await query.for("update") : await query;
  if (!user) throw new NotFound(`No user "${ref}".`);
  return user;
}

export async function roleNamesOf(tx: Executor, userId: string): Promise<string[]> {
  const rows = await tx.select({ name: roles.name }).from(userRoles).innerJoin(roles, eq(roles.id, userRoles.roleId)).where(eq(userRoles.userId, userId));
  return rows.map((r) => r.name).sort();
}

/** What the API and the audit log show of a user (the list's row): never the password hash. */
export type UserView = UserRow;

export function userView(user: UserRecord, roleNames: string[]): UserView {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    fullName: user.fullName,
    isActive: user.isActive,
    isSuperuser: user.isSuperuser,
    lastLogin: user.lastLogin,
    roles: roleNames,
    createdAt: user.createdAt,
  };
}
