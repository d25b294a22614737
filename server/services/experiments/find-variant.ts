import { NotFound } from "../../errors";
import type { ExperimentRow, VariantRow } from "./load-experiment";

/** The variant `variantId` among the experiment's variants, with its position (its index in forms). */
export function findVariant(experiment: ExperimentRow, current: readonly VariantRow[], variantId: string): { row: VariantRow; index: number } {
  const index = current.findIndex((row) => row.id === variantId);
  const row = current[index];
  if (row === undefined) throw new NotFound(`Experiment "${experiment.key}" has no variant with id ${variantId}.`);
  return { row, index };
}
