import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import type { FlagRef } from "./flag.schema";
import { countOverridesOf, findFlag } from "./load-flag";

/** How many overrides a flag has, all and still active: what the delete confirmation tells the user. */
export async function countOverrides(ctx: ServiceContext, ref: FlagRef): Promise<{ total: number; active: number }> {
  authorize(ctx, "feature_flag", "read");
  return ctx.db.transaction(async (tx) => countOverridesOf(tx, (await findFlag(tx, ref)).id));
}
