import { and, eq } from "drizzle-orm";
import { featureFlagOverrides } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { NotFound } from "../../errors";
import { validate } from "../validate";
import type { FlagRef } from "./flag.schema";
import { findFlag } from "./load-flag";
import { overrideUserIdSchema } from "./override.schema";
import { overrideView } from "./override-writes";

export interface RemoveOverrideRequest {
  flag: FlagRef;
  userId: string;
}

/** Removes one user's override: from the next evaluation on, the user gets what the rules give them. */
export async function removeOverride(ctx: ServiceContext, input: RemoveOverrideRequest): Promise<{ id: string; userId: string }> {
  authorize(ctx, "feature_flag", "update");
  const userId = validate(overrideUserIdSchema, input.userId);
  return ctx.db.transaction(async (tx) => {
    const flag = await findFlag(tx, input.flag);
    const [row] = await tx
      .delete(featureFlagOverrides)
      .where(and(eq(featureFlagOverrides.featureFlagId, flag.id), eq(featureFlagOverrides.userId, userId)))
      .returning();
    if (!row) throw new NotFound(`The flag "${flag.key}" has no override for user "${userId}".`);
    await writeAudit(tx, ctx.actor, {
      action: "feature_flag_override.delete",
      entityType: "feature_flag_override",
      entityId: row.id,
      before: { flagKey: flag.key, ...overrideView(row, new Date()) },
    });
    return { id: row.id, userId: row.userId };
  });
}
