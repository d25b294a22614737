import { eq } from "drizzle-orm";
import { definitionProblems } from "@/core/flags/flag-values";
import { featureFlags } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { ensureOwnerExists, invalidFrom } from "../experiments/experiment-writes";
import { validate } from "../validate";
import { type FlagRef, type UpdateFlagInput, updateFlagSchema } from "./flag.schema";
import { ensureOverridesFit, withRuleIds } from "./flag-writes";
import { type FlagDetail, findFlag, loadFlagDetail } from "./load-flag";

export interface UpdateFlagRequest {
  flag: FlagRef;
  /** Only the fields to change; `targetingRules` and `variants`, when given, are the complete lists. */
  changes: UpdateFlagInput;
}

/**
 * Changes some fields of a flag in one transaction. The key never changes (the schema refuses it). Rules
 * and variants are checked together as they will be after the edit, and a change of variants that would
 * strand existing overrides is refused (`ensureOverridesFit`).
 */
export async function updateFlag(ctx: ServiceContext, input: UpdateFlagRequest): Promise<FlagDetail> {
  authorize(ctx, "feature_flag", "update");
  const data = validate(updateFlagSchema, input.changes);
  return ctx.db.transaction(async (tx) => {
    const flag = await findFlag(tx, input.flag, { lock: true });
    const before = await loadFlagDetail(tx, flag);
    const targetingRules = data.targetingRules === undefined ? flag.targetingRules : withRuleIds(data.targetingRules);
    const variants = data.variants === undefined ? flag.variants : data.variants;
    const problems = definitionProblems({ variants, targetingRules });
    if (problems.length > 0) throw invalidFrom(problems);
    if (data.variants !== undefined) await ensureOverridesFit(tx, flag.id, variants);
    if (data.ownerId !== undefined) await ensureOwnerExists(tx, data.ownerId);

    const [row] = await tx
      .update(featureFlags)
      .set({ ...data, targetingRules, variants, updatedAt: new Date() })
      .where(eq(featureFlags.id, flag.id))
      .returning();
    if (!row) throw new Error("update of feature_flags returned no row");
    const after = await loadFlagDetail(tx, row);
    await writeAudit(tx, ctx.actor, { action: "feature_flag.update", entityType: "feature_flag", entityId: flag.id, before, after });
    return after;
  });
}
