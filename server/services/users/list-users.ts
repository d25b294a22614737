import { asc, eq, inArray } from "drizzle-orm";
import { roles, userRoles, users } from "@/db/schema";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { type Page, pageBounds } from "../pagination";

export interface UserRow {
  id: string;
  username: string;
  email: string;
  fullName: string | null;
  isActive: boolean;
  isSuperuser: boolean;
  lastLogin: Date | null;
  roles: string[];
}

export async function listUsers(ctx: ServiceContext, input: { page?: unknown; pageSize?: unknown } = {}): Promise<Page<UserRow>> {
  authorize(ctx, "user", "read");
  const { page, pageSize, offset } = pageBounds(input);
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
      })
      .from(users)
      .orderBy(asc(users.username))
      .limit(pageSize)
      .offset(offset),
    ctx.db.$count(users),
  ]);
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await ctx.db.select({ userId: userRoles.userId, name: roles.name }).from(userRoles).innerJoin(roles, eq(roles.id, userRoles.roleId)).where(inArray(userRoles.userId, ids))
    : [];
  return {
    rows: rows.map((r) => ({ ...r, roles: links.filter((l) => l.userId === r.id).map((l) => l.name).sort() })),
    total,
    page,
    pageSize,
  };
}
