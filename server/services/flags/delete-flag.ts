import { eq } from "drizzle-orm";
import { featureFlags } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import type { FlagRef } from "./flag.schema";
import { findFlag, loadFlagDetail } from "./load-flag";

export interface DeletedFlag {
  id: string;
  key: string;
  /** Overrides deleted with it (expired ones included). */
  overridesDeleted: number;
}

/**
 * Deletes a flag with its overrides (the foreign key cascades). Events that named the flag keep their
 * rows (`ON DELETE SET NULL`). SDKs asking for the key afterwards get FLAG_NOT_FOUND.
 */
export async function deleteFlag(ctx: ServiceContext, ref: FlagRef): Promise<DeletedFlag> {
  authorize(ctx, "feature_flag", "delete");
  return ctx.db.transaction(async (tx) => {
    const flag = await findFlag(tx, ref, { lock: true });
    const before = await loadFlagDetail(tx, flag);
    await tx.delete(featureFlags).where(eq(featureFlags.id, flag.id));
    await writeAudit(tx, ctx.actor, { action: "feature_flag.delete", entityType: "feature_flag", entityId: flag.id, before });
    return { id: flag.id, key: flag.key, overridesDeleted: before.overrideCount };
  });
}
