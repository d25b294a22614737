/**
 * An experiment edit that lists its variants: listed variants with an id are updated, those without are
 * added, and existing variants left out are removed, all checked as a set before anything is written.
 */
import { eq, inArray } from "drizzle-orm";
import type { ExperimentType } from "@/core/experiments/enums";
import type { Executor } from "@/db/client";
import { variants } from "@/db/schema";
import { Invalid } from "../../errors";
import type { UpdateExperimentData } from "./experiment.schema";
import { insertVariants } from "./experiment-writes";
import type { ExperimentRow, VariantRow } from "./load-experiment";
import { assertRemovable, assertVariantSet } from "./variant-checks";

type VariantEdit = NonNullable<UpdateExperimentData["variants"]>[number];

function sameVariant(row: VariantRow, edit: VariantEdit): boolean {
  return (
    row.name === edit.name &&
    row.description === (edit.description ?? null) &&
    row.isControl === edit.isControl &&
    row.trafficAllocation === edit.trafficAllocation &&
    JSON.stringify(row.configuration) === JSON.stringify(edit.configuration)
  );
}

/** Applies the listed variants; true when anything changed. Call with the experiment row locked. */
export async function syncVariants(
  tx: Executor,
  experiment: ExperimentRow,
  current: readonly VariantRow[],
  desired: readonly VariantEdit[],
  experimentType: ExperimentType,
): Promise<boolean> {
  const byId = new Map(current.map((row) => [row.id, row]));
  const idErrors: Record<string, string[]> = {};
  desired.forEach((edit, index) => {
    if (edit.id === undefined) return;
    if (!byId.has(edit.id)) idErrors[`variants.${index}.id`] = ["This variant is not part of the experiment."];
    else if (desired.findIndex((other) => other.id === edit.id) !== index) idErrors[`variants.${index}.id`] = ["This variant is listed twice."];
  });
  if (Object.keys(idErrors).length > 0) throw new Invalid("Some listed variants are not part of the experiment.", idErrors);

  assertVariantSet(experimentType, desired, (problem) =>
    problem.index === null ? "variants" : `variants.${problem.index}.${problem.field}`,
  );

  const kept = new Set(desired.flatMap((edit) => (edit.id === undefined ? [] : [edit.id])));
  const removed = current.filter((row) => !kept.has(row.id));
  for (const row of removed) await assertRemovable(tx, experiment, row);

  const updates = desired.flatMap((edit) => {
    const row = edit.id === undefined ? undefined : byId.get(edit.id);
    return row !== undefined && !sameVariant(row, edit) ? [{ row, edit }] : [];
  });
  const added = desired.filter((edit) => edit.id === undefined);

  if (removed.length > 0) await tx.delete(variants).where(inArray(variants.id, removed.map((row) => row.id)));
  // Names and the control are unique per experiment and checked row by row, so a swap (a↔b, or moving the
  // control) first parks the changing rows on placeholder names with no control, then sets the final values.
  for (const { row, edit } of updates) {
    if (row.name !== edit.name || (row.isControl && !edit.isControl)) {
      await tx.update(variants).set({ name: `~${row.id}`, isControl: false }).where(eq(variants.id, row.id));
    }
  }
  for (const { row, edit } of updates) {
    await tx
      .update(variants)
      .set({
        name: edit.name,
        description: edit.description ?? null,
        isControl: edit.isControl,
        trafficAllocation: edit.trafficAllocation,
        configuration: edit.configuration,
      })
      .where(eq(variants.id, row.id));
  }
  await insertVariants(tx, experiment.id, added);
  return removed.length > 0 || updates.length > 0 || added.length > 0;
}

