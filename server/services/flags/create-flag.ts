import { featureFlags } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { ensureOwnerExists } from "../experiments/experiment-writes";
import { validate } from "../validate";
import { type CreateFlagInput, createFlagSchema } from "./flag.schema";
import { ensureFlagKeyFree, flagKeyConflictFrom, withRuleIds } from "./flag-writes";
import { type FlagDetail, loadFlagDetail } from "./load-flag";

/**
 * Creates a flag (INACTIVE unless told otherwise, so nobody gets it before it is switched on). Without an
 * `ownerId`, a signed-in user owns what they create; `ownerId: null` creates it without an owner.
 */
export async function createFlag(ctx: ServiceContext, input: CreateFlagInput): Promise<FlagDetail> {
  authorize(ctx, "feature_flag", "create");
  const data = validate(createFlagSchema, input);
  const ownerId = data.ownerId !== undefined ? data.ownerId : ctx.actor.kind === "user" ? ctx.actor.id : null;
  try {
    return await ctx.db.transaction(async (tx) => {
      await ensureOwnerExists(tx, ownerId);
      await ensureFlagKeyFree(tx, data.key);
      const [row] = await tx
        .insert(featureFlags)
        .values({
          key: data.key,
          name: data.name,
          description: data.description ?? null,
          status: data.status,
          ownerId,
          tags: data.tags,
          targetingRules: withRuleIds(data.targetingRules),
          rolloutPercentage: data.rolloutPercentage,
          variants: data.variants,
        })
        .returning();
      if (!row) throw new Error("insert into feature_flags returned no row");
      const detail = await loadFlagDetail(tx, row);
      await writeAudit(tx, ctx.actor, { action: "feature_flag.create", entityType: "feature_flag", entityId: row.id, after: detail });
      return detail;
    });
  } catch (error) {
    throw flagKeyConflictFrom(error, data.key) ?? error;
  }
}
