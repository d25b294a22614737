import { variants } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { validate } from "../validate";
import { type ExperimentRef, type VariantInput, variantSchema } from "./experiment.schema";
import { recordTrafficNarrowing, touchExperiment } from "./experiment-writes";
import { type VariantRow, findExperiment, loadVariants } from "./load-experiment";
import { assertVariantSet, ownFields } from "./variant-checks";
import { assertConfigurationEditable } from "./frozen-configuration";

export interface AddVariantRequest {
  experiment: ExperimentRef;
  variant: VariantInput;
}

/**
 * Adds a variant after the existing ones. Field errors name the new variant's fields: a taken name, a
 * second control, a total allocation above 100% (on `trafficAllocation`), a missing split URL.
 */
export async function addVariant(ctx: ServiceContext, input: AddVariantRequest): Promise<VariantRow> {
  authorize(ctx, "experiment", "update");
  const data = validate(variantSchema, input.variant);
  return ctx.db.transaction(async (tx) => {
    const experiment = await findExperiment(tx, input.experiment, { lock: true });
    assertConfigurationEditable(experiment, ["variants"], "its variants");
    const current = await loadVariants(tx, experiment.id);
    assertVariantSet(experiment.experimentType, [...current, data], ownFields(current.length));
    const [row] = await tx
      .insert(variants)
      .values({
        experimentId: experiment.id,
        name: data.name,
        description: data.description ?? null,
        isControl: data.isControl,
        trafficAllocation: data.trafficAllocation,
        configuration: data.configuration,
      })
      .returning();
    if (!row) throw new Error("insert into variants returned no row");
    await recordTrafficNarrowing(tx, experiment, current);
    await touchExperiment(tx, experiment.id);
    await writeAudit(tx, ctx.actor, { action: "variant.create", entityType: "variant", entityId: row.id, after: row });
    return row;
  });
}
