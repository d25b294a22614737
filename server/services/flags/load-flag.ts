/** Reading flags for the services: lookup by id or key, row locks, the detail shape, and the evaluable form. */
import { type SQL, and, eq, sql } from "drizzle-orm";
import type { EvaluableFlag } from "@/core/flags/flag-definition";
import type { Executor } from "@/db/client";
import { featureFlagOverrides, featureFlags, users } from "@/db/schema";
import { NotFound } from "../../errors";
import { validate } from "../validate";
import { flagRefSchema } from "./flag.schema";

export type FlagRow = typeof featureFlags.$inferSelect;
export type OverrideRow = typeof featureFlagOverrides.$inferSelect;

export interface FlagOwner {
  id: string;
  username: string;
  fullName: string | null;
}

/** A flag with its owner and how many overrides it has (all, and those not yet expired). */
export interface FlagDetail extends FlagRow {
  owner: FlagOwner | null;
  overrideCount: number;
  activeOverrideCount: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The flag `ref` names, or NotFound. With `lock`, the row stays locked (FOR UPDATE) until the transaction
 * ends, so checks against its definition and the write that follows see no concurrent change.
 */
export async function findFlag(ex: Executor, input: unknown, options: { lock?: boolean } = {}): Promise<FlagRow> {
  const ref = validate(flagRefSchema, input);
  const notFound = new NotFound(`Flag ${"key" in ref ? `"${ref.key}"` : `with id ${ref.id}`} not found.`);
  // Not a UUID: no row can have it, and PostgreSQL would reject the comparison as bad input.
  if ("id" in ref && !UUID.test(ref.id)) throw notFound;
  const query = ex
    .select()
    .from(featureFlags)
    .where("id" in ref ? eq(featureFlags.id, ref.id) : eq(featureFlags.key, ref.key));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound;
  return row;
}

/** Overrides that still apply: no expiry, or an expiry after the database's `now()`. */
export const overrideActive: SQL = sql`(${featureFlagOverrides.expiresAt} is null or ${featureFlagOverrides.expiresAt} > now())`;

export async function countOverridesOf(ex: Executor, flagId: string): Promise<{ total: number; active: number }> {
  const [row] = await ex
    .select({
      total: sql<number>`count(*)::int`,
      active: sql<number>`(count(*) filter (where ${overrideActive}))::int`,
    })
    .from(featureFlagOverrides)
    .where(eq(featureFlagOverrides.featureFlagId, flagId));
  return { total: row?.total ?? 0, active: row?.active ?? 0 };
}

export async function loadFlagDetail(ex: Executor, flag: FlagRow): Promise<FlagDetail> {
  const [owners, counts] = await Promise.all([
    flag.ownerId === null
      ? Promise.resolve([])
      : ex.select({ id: users.id, username: users.username, fullName: users.fullName }).from(users).where(eq(users.id, flag.ownerId)),
    countOverridesOf(ex, flag.id),
  ]);
  return {
    ...flag,
    owner: owners[0] ?? null,
    overrideCount: counts.total,
    activeOverrideCount: counts.active,
  };
}

/** A stored flag in the form `evaluateFlag` takes (the services validate rules and variants before writing them). */
export function toEvaluableFlag(row: Pick<FlagRow, "key" | "status" | "rolloutPercentage" | "targetingRules" | "variants">): EvaluableFlag {
  return {
    key: row.key,
    status: row.status,
    rolloutPercentage: row.rolloutPercentage,
    targetingRules: row.targetingRules,
    variants: row.variants,
  };
}

export function findOverride(ex: Executor, flagId: string, userId: string) {
  return ex
    .select()
    .from(featureFlagOverrides)
    .where(and(eq(featureFlagOverrides.featureFlagId, flagId), eq(featureFlagOverrides.userId, userId)))
    .then((rows) => rows[0] ?? null);
}
