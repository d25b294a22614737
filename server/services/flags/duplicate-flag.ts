import { like } from "drizzle-orm";
import { copyKeyBase, firstFreeCopyKey } from "@/core/experiments/copy-key";
import type { Executor } from "@/db/client";
import { featureFlags } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { uniqueViolation } from "../../db-errors";
import { validate } from "../validate";
import { type DuplicateFlagInput, type FlagRef, duplicateFlagSchema } from "./flag.schema";
import { ensureFlagKeyFree, flagKeyConflictFrom } from "./flag-writes";
import { type FlagDetail, findFlag, loadFlagDetail } from "./load-flag";

export interface DuplicateFlagRequest extends DuplicateFlagInput {
  flag: FlagRef;
}

/** Another instance may take the generated key between our look and our insert; then we look again. */
const KEY_ATTEMPTS = 5;

async function takenCopyKeys(tx: Executor, key: string): Promise<Set<string>> {
  const base = copyKeyBase(key).slice(0, 90).replace(/[%\\]/g, "");
  const rows = await tx.select({ key: featureFlags.key }).from(featureFlags).where(like(featureFlags.key, `${base}%-copy%`));
  return new Set(rows.map((row) => row.key));
}

/**
 * A new INACTIVE flag with the source's rules, rollout and variants under a fresh key (`<key>-copy`,
 * `<key>-copy-2`... unless one is given). Overrides are not copied: they are about the source's users
 * and their reasons, and a copy starts switched off anyway.
 */
export async function duplicateFlag(ctx: ServiceContext, input: DuplicateFlagRequest): Promise<FlagDetail> {
  authorize(ctx, "feature_flag", "create");
  const data = validate(duplicateFlagSchema, { key: input.key, name: input.name });
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction(async (tx) => {
        const source = await findFlag(tx, input.flag);
        const key = data.key ?? firstFreeCopyKey(source.key, await takenCopyKeys(tx, source.key));
        if (data.key !== undefined) await ensureFlagKeyFree(tx, data.key);
        const [row] = await tx
          .insert(featureFlags)
          .values({
            key,
            name: data.name ?? `${source.name} (copy)`.slice(0, 200),
            description: source.description,
            status: "INACTIVE",
            ownerId: source.ownerId,
            tags: source.tags,
            targetingRules: source.targetingRules,
            rolloutPercentage: source.rolloutPercentage,
            variants: source.variants,
          })
          .returning();
        if (!row) throw new Error("insert into feature_flags returned no row");
        const detail = await loadFlagDetail(tx, row);
        await writeAudit(tx, ctx.actor, {
          action: "feature_flag.duplicate",
          entityType: "feature_flag",
          entityId: row.id,
          after: { ...detail, duplicatedFrom: { id: source.id, key: source.key } },
        });
        return detail;
      });
    } catch (error) {
      if (data.key !== undefined) throw flagKeyConflictFrom(error, data.key) ?? error;
      if (uniqueViolation(error) !== "feature_flags_key_key" || attempt >= KEY_ATTEMPTS) throw error;
    }
  }
}
