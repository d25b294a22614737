import { createHash } from "node:crypto";
import { asc } from "drizzle-orm";
import type { EvaluableFlag, EvaluableOverride } from "@/core/flags/flag-definition";
import type { Executor } from "@/db/client";
import { featureFlagOverrides, featureFlags } from "@/db/schema";
import { overrideActive, toEvaluableFlag } from "./load-flag";

/** A flag as the SDK endpoints evaluate it, with its overrides by user id. */
export interface FlagDefinition {
  /** The flag's row id: what events store when they name the flag. */
  id: string;
  flag: EvaluableFlag;
  overrides: ReadonlyMap<string, EvaluableOverride>;
}

export interface FlagDefinitions {
  /** Every flag by key, INACTIVE ones too: they answer DISABLED, not FLAG_NOT_FOUND. */
  flags: ReadonlyMap<string, FlagDefinition>;
  /**
   * Changes whenever any definition or override does: the `etag` of OFREP's `refetchEvaluation` events
   * and the SDK config's ETag.
   */
  version: string;
}

/**
 * Every flag and every override that has not expired, read in one snapshot (the caller's transaction or
 * two reads close together; a change between them NOTIFYs and the cache reloads). Overrides that expire
 * after the load stay in memory and `evaluateFlag` drops them at their instant, against the clock.
 */
export async function loadFlagDefinitions(ex: Executor): Promise<FlagDefinitions> {
  const [flagRows, overrideRows] = await Promise.all([
    ex.select().from(featureFlags).orderBy(asc(featureFlags.key)),
    ex
      .select({ flagId: featureFlagOverrides.featureFlagId, userId: featureFlagOverrides.userId, value: featureFlagOverrides.value, expiresAt: featureFlagOverrides.expiresAt })
      .from(featureFlagOverrides)
      .where(overrideActive)
      .orderBy(asc(featureFlagOverrides.featureFlagId), asc(featureFlagOverrides.userId)),
  ]);
  const byFlag = new Map<string, Map<string, EvaluableOverride>>();
  for (const row of overrideRows) {
    let overrides = byFlag.get(row.flagId);
    if (!overrides) byFlag.set(row.flagId, (overrides = new Map()));
    overrides.set(row.userId, { value: row.value, expiresAt: row.expiresAt });
  }
  const flags = new Map<string, FlagDefinition>();
  const digest = createHash("sha256");
  for (const row of flagRows) {
    const overrides = byFlag.get(row.id) ?? new Map<string, EvaluableOverride>();
    flags.set(row.key, { id: row.id, flag: toEvaluableFlag(row), overrides });
    digest.update(JSON.stringify([row.key, row.updatedAt.getTime(), row.status, row.rolloutPercentage, row.targetingRules, row.variants]));
    for (const [userId, override] of overrides) digest.update(JSON.stringify([userId, override.value, override.expiresAt?.getTime() ?? null]));
  }
  return { flags, version: digest.digest("base64url").slice(0, 22) };
}
