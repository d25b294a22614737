import { eq } from "drizzle-orm";
import { variants } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { validate } from "../validate";
import { type ExperimentRef, type UpdateVariantInput, updateVariantSchema } from "./experiment.schema";
import { recordTrafficNarrowing, touchExperiment } from "./experiment-writes";
import { findVariant } from "./find-variant";
import { type VariantRow, findExperiment, loadVariants } from "./load-experiment";
import { assertVariantSet, ownFields } from "./variant-checks";
import { assertConfigurationEditable } from "./frozen-configuration";

export interface UpdateVariantRequest {
  experiment: ExperimentRef;
  variantId: string;
  changes: UpdateVariantInput;
}

/**
 * Changes some fields of one variant, checked with the rest of the set as it will be. To move the
 * control, first clear it on the current control (exactly one control is required only to start).
 */
export async function updateVariant(ctx: ServiceContext, input: UpdateVariantRequest): Promise<VariantRow> {
  authorize(ctx, "experiment", "update");
  const changes = validate(updateVariantSchema, input.changes);
  return ctx.db.transaction(async (tx) => {
    const experiment = await findExperiment(tx, input.experiment, { lock: true });
    assertConfigurationEditable(experiment, ["variants"], "its variants");
    const current = await loadVariants(tx, experiment.id);
    const { row, index } = findVariant(experiment, current, input.variantId);
    const merged: VariantRow = {
      ...row,
      name: changes.name ?? row.name,
      description: changes.description !== undefined ? changes.description : row.description,
      isControl: changes.isControl ?? row.isControl,
      trafficAllocation: changes.trafficAllocation ?? row.trafficAllocation,
      configuration: changes.configuration ?? row.configuration,
    };
    if (JSON.stringify(merged) === JSON.stringify(row)) return row;
    assertVariantSet(experiment.experimentType, current.map((other, i) => (i === index ? merged : other)), ownFields(index));
    const [updated] = await tx
      .update(variants)
      .set({
        name: merged.name,
        description: merged.description,
        isControl: merged.isControl,
        trafficAllocation: merged.trafficAllocation,
        configuration: merged.configuration,
      })
      .where(eq(variants.id, row.id))
      .returning();
    if (!updated) throw new Error("update of variants returned no row");
    await recordTrafficNarrowing(tx, experiment, current);
    await touchExperiment(tx, experiment.id);
    await writeAudit(tx, ctx.actor, { action: "variant.update", entityType: "variant", entityId: row.id, before: row, after: updated });
    return updated;
  });
}
