import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import type { ExperimentRef } from "./experiment.schema";
import { type ExperimentDetail, findExperiment, loadExperimentDetail } from "./load-experiment";

/** One experiment by id or key, with its variants (in bucket order), metric definitions and owner. */
export async function getExperiment(ctx: ServiceContext, ref: ExperimentRef): Promise<ExperimentDetail> {
  authorize(ctx, "experiment", "read");
  return ctx.db.transaction(async (tx) => loadExperimentDetail(tx, await findExperiment(tx, ref)));
}
