import { eq } from "drizzle-orm";
import { variants } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import type { ExperimentRef } from "./experiment.schema";
import { recordTrafficNarrowing, touchExperiment } from "./experiment-writes";
import { findVariant } from "./find-variant";
import { type VariantRow, findExperiment, loadVariants } from "./load-experiment";
import { assertRemovable } from "./variant-checks";
import { assertConfigurationEditable } from "./frozen-configuration";

export interface RemoveVariantRequest {
  experiment: ExperimentRef;
  variantId: string;
}

/** Removes a variant, unless the experiment is running or paused, or users are assigned to it. */
export async function removeVariant(ctx: ServiceContext, input: RemoveVariantRequest): Promise<VariantRow> {
  authorize(ctx, "experiment", "update");
  return ctx.db.transaction(async (tx) => {
    const experiment = await findExperiment(tx, input.experiment, { lock: true });
    assertConfigurationEditable(experiment, ["variants"], "its variants");
    const current = await loadVariants(tx, experiment.id);
    const { row } = findVariant(experiment, current, input.variantId);
    await assertRemovable(tx, experiment, row);
    await tx.delete(variants).where(eq(variants.id, row.id));
    await recordTrafficNarrowing(tx, experiment, current);
    await touchExperiment(tx, experiment.id);
    await writeAudit(tx, ctx.actor, { action: "variant.delete", entityType: "variant", entityId: row.id, before: row });
    return row;
  });
}
