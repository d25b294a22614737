import { type SQL, and, asc, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { FlagStatus } from "@/core/flags/flag-definition";
import { featureFlagOverrides, featureFlags, users } from "@/db/schema";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { containsPattern, pageOfOwnedRows } from "../experiments/list-experiments";
import type { Page } from "../pagination";
import { validate } from "../validate";
import { type FlagSortField, type ListFlagsInput, listFlagsSchema } from "./flag-list.schema";
import { type FlagOwner, overrideActive } from "./load-flag";

export interface FlagListRow {
  id: string;
  key: string;
  name: string;
  description: string | null;
  status: FlagStatus;
  rolloutPercentage: number;
  /** True for a multivariate flag. */
  multivariate: boolean;
  /** How many variants a multivariate flag has; 0 for a boolean flag. */
  variantCount: number;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
  owner: FlagOwner | null;
  ruleCount: number;
  activeOverrideCount: number;
}

const sortColumns: Record<FlagSortField, PgColumn> = {
  key: featureFlags.key,
  name: featureFlags.name,
  status: featureFlags.status,
  owner: users.username,
  rollout: featureFlags.rolloutPercentage,
  updated: featureFlags.updatedAt,
};

/**
 * One page of flags, filtered and sorted in SQL (the indexes on status, owner, tags, name and updated_at
 * serve the filters and most sorts). Rule counts come from the JSON column and active-override counts from
 * a subquery per row of the page only. The total comes from a second, join-free query.
 */
export async function listFlags(ctx: ServiceContext, input: ListFlagsInput = {}): Promise<Page<FlagListRow>> {
  authorize(ctx, "feature_flag", "read");
  const params = validate(listFlagsSchema, input);
  const search = params.search ? containsPattern(params.search) : null;
  const where = and(
    params.status?.length ? inArray(featureFlags.status, params.status) : undefined,
    params.tag ? sql`${featureFlags.tags} @> ${JSON.stringify([params.tag])}::jsonb` : undefined,
    params.ownerId ? eq(featureFlags.ownerId, params.ownerId) : undefined,
    search ? or(ilike(featureFlags.key, search), ilike(featureFlags.name, search), ilike(featureFlags.description, search)) : undefined,
  );
  const column = sortColumns[params.sort];
  // Flags without an owner sort last either way; the unique key keeps pages stable when values tie.
  const primary: SQL =
    params.sort === "owner"
      ? sql`${column} ${params.direction === "asc" ? sql`asc` : sql`desc`} nulls last`
      : params.direction === "asc"
        ? asc(column)
        : desc(column);

  // The page's ids first: PostgreSQL would otherwise compute every skipped row's override count too
  // (the select list runs before OFFSET discards), which on page 200 is 5,000 subqueries for 25 rows.
  const page = ctx.db
    .select({ pageId: featureFlags.id })
    .from(featureFlags)
    .leftJoin(users, eq(users.id, featureFlags.ownerId))
    .where(where)
    .orderBy(primary, asc(featureFlags.key))
    .limit(params.pageSize)
    .offset((params.page - 1) * params.pageSize)
    .as("page");

  const [rows, [count]] = await Promise.all([
    ctx.db
      .select({
        id: featureFlags.id,
        key: featureFlags.key,
        name: featureFlags.name,
        description: featureFlags.description,
        status: featureFlags.status,
        rolloutPercentage: featureFlags.rolloutPercentage,
        multivariate: sql<boolean>`${featureFlags.variants} is not null`,
        variantCount: sql<number>`coalesce(jsonb_array_length(${featureFlags.variants}), 0)`,
        tags: featureFlags.tags,
        createdAt: featureFlags.createdAt,
        updatedAt: featureFlags.updatedAt,
        ownerId: users.id,
        ownerUsername: users.username,
        ownerFullName: users.fullName,
        ruleCount: sql<number>`jsonb_array_length(${featureFlags.targetingRules})`,
        activeOverrideCount: sql<number>`(select count(*)::int from ${featureFlagOverrides} where ${featureFlagOverrides.featureFlagId} = ${featureFlags.id} and ${overrideActive})`,
      })
      .from(page)
      .innerJoin(featureFlags, eq(featureFlags.id, page.pageId))
      .leftJoin(users, eq(users.id, featureFlags.ownerId))
      .orderBy(primary, asc(featureFlags.key)),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(featureFlags).where(where),
  ]);

  return pageOfOwnedRows(rows, count?.total ?? 0, params);
}
