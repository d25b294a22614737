import { eq } from "drizzle-orm";
import { experiments } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { Conflict } from "../../errors";
import type { ExperimentRef } from "./experiment.schema";
import { findExperiment, loadExperimentDetail } from "./load-experiment";

/**
 * Deletes a draft with its variants and metrics. Anything that has run keeps its assignments and events
 * for the record: archive it instead.
 */
export async function deleteExperiment(ctx: ServiceContext, ref: ExperimentRef): Promise<{ id: string; key: string }> {
  authorize(ctx, "experiment", "delete");
  return ctx.db.transaction(async (tx) => {
    const experiment = await findExperiment(tx, ref, { lock: true });
    if (experiment.status !== "DRAFT") {
      throw new Conflict(`Only draft experiments can be deleted; "${experiment.key}" is ${experiment.status}. Archive it instead.`);
    }
    const before = await loadExperimentDetail(tx, experiment);
    await tx.delete(experiments).where(eq(experiments.id, experiment.id));
    await writeAudit(tx, ctx.actor, { action: "experiment.delete", entityType: "experiment", entityId: experiment.id, before });
    return { id: experiment.id, key: experiment.key };
  });
}
