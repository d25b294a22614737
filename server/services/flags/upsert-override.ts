import { featureFlagOverrides } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { validate } from "../validate";
import type { FlagRef } from "./flag.schema";
import type { OverrideListRow } from "./list-overrides";
import { findFlag, findOverride } from "./load-flag";
import { type UpsertOverrideInput, upsertOverrideSchema } from "./override.schema";
import { checkOverride, overrideView } from "./override-writes";

export interface UpsertOverrideRequest extends UpsertOverrideInput {
  flag: FlagRef;
}

/**
 * Gives one user a value of the flag, replacing the user's override if there is one (one per flag and
 * user). The flag row is locked so its variants cannot change under the value check.
 */
export async function upsertOverride(ctx: ServiceContext, input: UpsertOverrideRequest): Promise<{ override: OverrideListRow; created: boolean }> {
  authorize(ctx, "feature_flag", "update");
  const { flag: ref, ...fields } = input;
  const data = validate(upsertOverrideSchema, fields);
  return ctx.db.transaction(async (tx) => {
    const flag = await findFlag(tx, ref, { lock: true });
    const now = new Date();
    checkOverride(flag, data.value, data.expiresAt, now);
    const existing = await findOverride(tx, flag.id, data.userId);
    const values = { value: data.value, reason: data.reason ?? null, expiresAt: data.expiresAt ?? null };
    const [row] = await tx
      .insert(featureFlagOverrides)
      .values({ featureFlagId: flag.id, userId: data.userId, ...values })
      .onConflictDoUpdate({ target: [featureFlagOverrides.featureFlagId, featureFlagOverrides.userId], set: { ...values, updatedAt: now } })
      .returning();
    if (!row) throw new Error("upsert into feature_flag_overrides returned no row");
    const override = overrideView(row, now);
    await writeAudit(tx, ctx.actor, {
      action: existing ? "feature_flag_override.update" : "feature_flag_override.create",
      entityType: "feature_flag_override",
      entityId: row.id,
      before: existing ? { flagKey: flag.key, ...overrideView(existing, now) } : undefined,
      after: { flagKey: flag.key, ...override },
    });
    return { override, created: !existing };
  });
}
