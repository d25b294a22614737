/** Checks every variant write makes: the set rules after the change, and whether a variant may go. */
import { eq } from "drizzle-orm";
import type { ExperimentType } from "@/core/experiments/enums";
import type { GuardedVariant } from "@/core/experiments/start-guards";
import { type VariantSetProblem, variantSetProblems } from "@/core/experiments/variant-set";
import type { Executor } from "@/db/client";
import { assignments } from "@/db/schema";
import { Conflict } from "../../errors";
import { invalidFrom } from "./experiment-writes";
import type { ExperimentRow, VariantRow } from "./load-experiment";

/**
 * Throws Invalid when the variants as they will be after a change break a set rule. `fieldFor` places each
 * problem on a form field, or drops it (null) when it concerns a variant the change does not touch.
 */
export function assertVariantSet(
  experimentType: ExperimentType,
  variants: readonly GuardedVariant[],
  fieldFor: (problem: VariantSetProblem) => string | null,
): void {
  const entries = variantSetProblems(experimentType, variants).flatMap((problem) => {
    const field = fieldFor(problem);
    return field === null ? [] : [{ field, message: problem.message }];
  });
  if (entries.length > 0) throw invalidFrom(entries);
}

/** Problems of the one variant at `index` (and the set's total) on that variant's own form fields. */
export function ownFields(index: number) {
  return (problem: VariantSetProblem): string | null =>
    problem.index === null || problem.index === index ? problem.field : null;
}

/**
 * Variants of a running or paused experiment stay: users are assigned to them. After the run, a variant
 * with assignments stays too, since its results would go with it.
 */
export async function assertRemovable(tx: Executor, experiment: ExperimentRow, variant: VariantRow): Promise<void> {
  if (experiment.status === "ACTIVE" || experiment.status === "PAUSED") {
    throw new Conflict(`Variants cannot be removed while the experiment is ${experiment.status}; "${variant.name}" stays.`);
  }
  const assigned = await tx.$count(assignments, eq(assignments.variantId, variant.id));
  if (assigned > 0) {
    throw new Conflict(`Variant "${variant.name}" has ${assigned} assigned user${assigned === 1 ? "" : "s"}; it stays with the results.`);
  }
}
