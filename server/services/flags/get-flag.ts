import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import type { FlagRef } from "./flag.schema";
import { type FlagDetail, findFlag, loadFlagDetail } from "./load-flag";

/** One flag by id or key, with its owner and override counts. */
export async function getFlag(ctx: ServiceContext, ref: FlagRef): Promise<FlagDetail> {
  authorize(ctx, "feature_flag", "read");
  return ctx.db.transaction(async (tx) => loadFlagDetail(tx, await findFlag(tx, ref)));
}
