import { desc, eq } from "drizzle-orm";
import type { ApiKeyType } from "@/db/schema/enums";
import { apiKeys, roles, users } from "@/db/schema";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { type Page, pageBounds } from "../pagination";

export interface ApiKeyRow {
  id: string;
  name: string;
  type: ApiKeyType;
  prefix: string;
  role: string | null;
  owner: string | null;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export async function listApiKeys(ctx: ServiceContext, input: { page?: unknown; pageSize?: unknown } = {}): Promise<Page<ApiKeyRow>> {
  authorize(ctx, "api_key", "read");
  const { page, pageSize, offset } = pageBounds(input);
  const [rows, total] = await Promise.all([
    ctx.db
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        type: apiKeys.type,
        prefix: apiKeys.prefix,
        role: roles.name,
        owner: users.username,
        lastUsedAt: apiKeys.lastUsedAt,
        expiresAt: apiKeys.expiresAt,
        revokedAt: apiKeys.revokedAt,
        createdAt: apiKeys.createdAt,
      })
      .from(apiKeys)
      .leftJoin(roles, eq(roles.id, apiKeys.roleId))
      .leftJoin(users, eq(users.id, apiKeys.ownerId))
      .orderBy(desc(apiKeys.createdAt))
      .limit(pageSize)
      .offset(offset),
    ctx.db.$count(apiKeys),
  ]);
  return { rows, total, page, pageSize };
}
