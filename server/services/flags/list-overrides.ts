import { and, asc, desc, eq, ilike, not, sql } from "drizzle-orm";
import { featureFlagOverrides } from "@/db/schema";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { containsPattern } from "../experiments/list-experiments";
import type { Page } from "../pagination";
import { validate } from "../validate";
import type { FlagRef } from "./flag.schema";
import { findFlag, overrideActive } from "./load-flag";
import { type ListOverridesInput, listOverridesSchema } from "./override.schema";

export interface OverrideListRow {
  id: string;
  userId: string;
  value: unknown;
  reason: string | null;
  expiresAt: Date | null;
  /** False once `expiresAt` has passed: the override is kept for the record but never applied. */
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface ListOverridesRequest extends ListOverridesInput {
  flag: FlagRef;
}

/** A page of a flag's overrides, by user id, filtered to active or expired ones on request. */
export async function listOverrides(ctx: ServiceContext, input: ListOverridesRequest): Promise<Page<OverrideListRow>> {
  authorize(ctx, "feature_flag", "read");
  const { flag: ref, ...query } = input;
  const params = validate(listOverridesSchema, query);
  return ctx.db.transaction(async (tx) => {
    const flag = await findFlag(tx, ref);
    const where = and(
      eq(featureFlagOverrides.featureFlagId, flag.id),
      params.state === "active" ? overrideActive : params.state === "expired" ? not(overrideActive) : undefined,
      params.search ? ilike(featureFlagOverrides.userId, containsPattern(params.search)) : undefined,
    );
    const [rows, [count]] = await Promise.all([
      tx
        .select({
          id: featureFlagOverrides.id,
          userId: featureFlagOverrides.userId,
          value: featureFlagOverrides.value,
          reason: featureFlagOverrides.reason,
          expiresAt: featureFlagOverrides.expiresAt,
          active: sql<boolean>`${overrideActive}`,
          createdAt: featureFlagOverrides.createdAt,
          updatedAt: featureFlagOverrides.updatedAt,
        })
        .from(featureFlagOverrides)
        .where(where)
        .orderBy(params.direction === "asc" ? asc(featureFlagOverrides.userId) : desc(featureFlagOverrides.userId))
        .limit(params.pageSize)
        .offset((params.page - 1) * params.pageSize),
      tx.select({ total: sql<number>`count(*)::int` }).from(featureFlagOverrides).where(where),
    ]);
    return { rows, total: count?.total ?? 0, page: params.page, pageSize: params.pageSize };
  });
}
