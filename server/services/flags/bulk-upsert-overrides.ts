import { and, eq, inArray, sql } from "drizzle-orm";
import { featureFlagOverrides } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { validate } from "../validate";
import type { FlagRef } from "./flag.schema";
import { findFlag } from "./load-flag";
import { type BulkUpsertOverridesInput, bulkUpsertOverridesSchema } from "./override.schema";
import { checkOverride } from "./override-writes";

export interface BulkUpsertOverridesRequest extends BulkUpsertOverridesInput {
  flag: FlagRef;
}

/**
 * One value, reason and expiry for many users at once (pasted ids), in one statement and one audit row:
 * users who had an override get it replaced, the others get a new one. All or nothing.
 */
export async function bulkUpsertOverrides(ctx: ServiceContext, input: BulkUpsertOverridesRequest): Promise<{ created: number; updated: number }> {
  authorize(ctx, "feature_flag", "update");
  const { flag: ref, ...fields } = input;
  const data = validate(bulkUpsertOverridesSchema, fields);
  return ctx.db.transaction(async (tx) => {
    const flag = await findFlag(tx, ref, { lock: true });
    const now = new Date();
    checkOverride(flag, data.value, data.expiresAt, now);
    const existing = await tx
      .select({ userId: featureFlagOverrides.userId })
      .from(featureFlagOverrides)
      .where(and(eq(featureFlagOverrides.featureFlagId, flag.id), inArray(featureFlagOverrides.userId, data.userIds)));
    const values = { value: data.value, reason: data.reason ?? null, expiresAt: data.expiresAt ?? null };
    await tx
      .insert(featureFlagOverrides)
      .values(data.userIds.map((userId) => ({ featureFlagId: flag.id, userId, ...values })))
      .onConflictDoUpdate({
        target: [featureFlagOverrides.featureFlagId, featureFlagOverrides.userId],
        set: { value: sql`excluded.value`, reason: sql`excluded.reason`, expiresAt: sql`excluded.expires_at`, updatedAt: now },
      });
    const result = { created: data.userIds.length - existing.length, updated: existing.length };
    await writeAudit(tx, ctx.actor, {
      action: "feature_flag_override.bulk_upsert",
      entityType: "feature_flag_override",
      entityId: flag.id,
      after: { flagKey: flag.key, userIds: data.userIds, ...values, ...result },
    });
    return result;
  });
}
