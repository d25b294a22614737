import { eq } from "drizzle-orm";
import type { FlagStatus } from "@/core/flags/flag-definition";
import { featureFlags } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { validate } from "../validate";
import { type FlagRef, changeFlagStatusSchema } from "./flag.schema";
import { type FlagDetail, findFlag, loadFlagDetail } from "./load-flag";

export interface ChangeFlagStatusRequest {
  flag: FlagRef;
  status: FlagStatus;
}

/** Switches a flag on (ACTIVE) or off (INACTIVE: everyone gets "off", overrides included). */
export async function changeFlagStatus(ctx: ServiceContext, input: ChangeFlagStatusRequest): Promise<{ flag: FlagDetail; outcome: "changed" | "unchanged" }> {
  authorize(ctx, "feature_flag", "update");
  const { status } = validate(changeFlagStatusSchema, { status: input.status });
  return ctx.db.transaction(async (tx) => {
    const flag = await findFlag(tx, input.flag, { lock: true });
    if (flag.status === status) return { flag: await loadFlagDetail(tx, flag), outcome: "unchanged" };
    const [row] = await tx.update(featureFlags).set({ status, updatedAt: new Date() }).where(eq(featureFlags.id, flag.id)).returning();
    if (!row) throw new Error("update of feature_flags returned no row");
    await writeAudit(tx, ctx.actor, {
      action: "feature_flag.status",
      entityType: "feature_flag",
      entityId: flag.id,
      before: { status: flag.status },
      after: { status },
    });
    return { flag: await loadFlagDetail(tx, row), outcome: "changed" };
  });
}
