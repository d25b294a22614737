import { type SQL, and, asc, desc, eq, exists, ilike, inArray, or, sql } from "drizzle-orm";
import { roles, userRoles, users } from "@/db/schema";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import type { Page } from "../pagination";
import { validate } from "../validate";
import { type ListUsersInput, listUsersSchema } from "./user.schema";

export interface UserRow {
  id: string;
  username: string;
  email: string;
  fullName: string | null;
  isActive: boolean;
  isSuperuser: boolean;
  lastLogin: Date | null;
  createdAt: Date;
  roles: string[];
}

/** `%`, `_` and `\` typed into a search box match themselves, not any text. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const SORT_COLUMNS = {
  username: sql`lower(${users.username})`,
  email: users.email,
  name: sql`lower(coalesce(${users.fullName}, ${users.username}))`,
  lastLogin: users.lastLogin,
  created: users.createdAt,
} as const;

/** One page of users: search over username, email and full name; filters by active, superuser, role; sorted in the database. */
export async function listUsers(ctx: ServiceContext, input: ListUsersInput = {}): Promise<Page<UserRow>> {
  authorize(ctx, "user", "read");
  const q = validate(listUsersSchema, input);
  const conditions: SQL[] = [];
  if (q.search) {
    const pattern = likePattern(q.search);
    const match = or(ilike(users.username, pattern), ilike(users.email, pattern), ilike(users.fullName, pattern));
    if (match) conditions.push(match);
  }
  if (q.active !== undefined) conditions.push(eq(users.isActive, q.active));
  if (q.superuser !== undefined) conditions.push(eq(users.isSuperuser, q.superuser));
  if (q.role) {
    conditions.push(
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(userRoles)
          .innerJoin(roles, eq(roles.id, userRoles.roleId))
          .where(and(eq(userRoles.userId, users.id), eq(roles.name, q.role))),
      ),
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const order = q.direction === "asc" ? asc : desc;
  const [rows, total] = await Promise.all([
    ctx.db
      .select({
        id: users.id,
        username: users.username,
        email: users.email,
        fullName: users.fullName,
        isActive: users.isActive,
        isSuperuser: users.isSuperuser,
        lastLogin: users.lastLogin,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(where)
      .orderBy(order(SORT_COLUMNS[q.sort]), asc(users.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.$count(users, where),
  ]);
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await ctx.db.select({ userId: userRoles.userId, name: roles.name }).from(userRoles).innerJoin(roles, eq(roles.id, userRoles.roleId)).where(inArray(userRoles.userId, ids))
    : [];
  return {
    rows: rows.map((r) => ({ ...r, roles: links.filter((l) => l.userId === r.id).map((l) => l.name).sort() })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
