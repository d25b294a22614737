import { type SQL, and, asc, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { ExperimentStatus, ExperimentType } from "@/core/experiments/enums";
import { experiments, users, variants } from "@/db/schema";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { validate } from "../validate";
import { type ExperimentSortField, type ListExperimentsInput, listExperimentsSchema } from "./experiment-list.schema";
import type { ExperimentOwner } from "./load-experiment";

export interface ExperimentListRow {
  id: string;
  key: string;
  name: string;
  description: string | null;
  status: ExperimentStatus;
  experimentType: ExperimentType;
  startDate: Date | null;
  endDate: Date | null;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
  owner: ExperimentOwner | null;
  variantCount: number;
}

export interface ExperimentPage {
  rows: ExperimentListRow[];
  /** Rows matching the filters, over all pages. */
  total: number;
  page: number;
  pageSize: number;
}

const sortColumns: Record<ExperimentSortField, PgColumn> = {
  name: experiments.name,
  status: experiments.status,
  type: experiments.experimentType,
  owner: users.username,
  start: experiments.startDate,
  end: experiments.endDate,
  updated: experiments.updatedAt,
};

const nullableSorts: ReadonlySet<ExperimentSortField> = new Set(["owner", "start", "end"]);

/** `%`, `_` and `\` typed by a person are text, not ILIKE wildcards. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of experiments, filtered and sorted in SQL. Filters use the indexes on status, type, owner
 * and tags (GIN, `@>`); sorting by a column with an index reads just one page of it. Text search is a
 * substring match (ILIKE) over name, key and description. The total comes from a second, join-free query.
 */
export async function listExperiments(ctx: ServiceContext, input: ListExperimentsInput = {}): Promise<ExperimentPage> {
  authorize(ctx, "experiment", "read");
  const params = validate(listExperimentsSchema, input);
  const search = params.search ? containsPattern(params.search) : null;
  const where = and(
    params.status?.length ? inArray(experiments.status, params.status) : undefined,
    params.type?.length ? inArray(experiments.experimentType, params.type) : undefined,
    params.tag ? sql`${experiments.tags} @> ${JSON.stringify([params.tag])}::jsonb` : undefined,
    params.ownerId ? eq(experiments.ownerId, params.ownerId) : undefined,
    search ? or(ilike(experiments.name, search), ilike(experiments.key, search), ilike(experiments.description, search)) : undefined,
  );

  const column = sortColumns[params.sort];
  // Unset dates and owners sort last either way. Columns that cannot be null keep PostgreSQL's default null
  // placement, which is what lets a backward scan of their index serve a descending sort. The (unique) key keeps
  // pages stable when values tie.
  const primary: SQL = nullableSorts.has(params.sort)
    ? sql`${column} ${params.direction === "asc" ? sql`asc` : sql`desc`} nulls last`
    : params.direction === "asc"
      ? asc(column)
      : desc(column);
  const order: SQL[] = [primary, asc(experiments.key)];

  const [rows, [count]] = await Promise.all([
    ctx.db
      .select({
        id: experiments.id,
        key: experiments.key,
        name: experiments.name,
        description: experiments.description,
        status: experiments.status,
        experimentType: experiments.experimentType,
        startDate: experiments.startDate,
        endDate: experiments.endDate,
        tags: experiments.tags,
        createdAt: experiments.createdAt,
        updatedAt: experiments.updatedAt,
        ownerId: users.id,
        ownerUsername: users.username,
        ownerFullName: users.fullName,
        variantCount: sql<number>`(select count(*)::int from ${variants} where ${variants.experimentId} = ${experiments.id})`,
      })
      .from(experiments)
      .leftJoin(users, eq(users.id, experiments.ownerId))
      .where(where)
      .orderBy(...order)
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(experiments).where(where),
  ]);

  return pageOfOwnedRows(rows, count?.total ?? 0, params);
}

interface OwnerColumns {
  ownerId: string | null;
  ownerUsername: string | null;
  ownerFullName: string | null;
}

/** A list page from rows joined to their owner (a left join: no owner, no columns). */
export function pageOfOwnedRows<R extends OwnerColumns>(
  rows: readonly R[],
  total: number,
  params: { page: number; pageSize: number },
): { rows: Array<Omit<R, keyof OwnerColumns> & { owner: ExperimentOwner | null }>; total: number; page: number; pageSize: number } {
  return {
    rows: rows.map(({ ownerId, ownerUsername, ownerFullName, ...row }) => ({
      ...row,
      owner: ownerId !== null && ownerUsername !== null ? { id: ownerId, username: ownerUsername, fullName: ownerFullName } : null,
    })),
    total,
    page: params.page,
    pageSize: params.pageSize,
  };
}
