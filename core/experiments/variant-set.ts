/**
 * Rules a set of variants must keep at every edit (the start guards add the rest): unique names, at most
 * one control, allocations totalling at most 100%, and, in a split-URL experiment, a usable URL each.
 * Problems name the variant by index so each caller can put the message on its own form field.
 */
import { allocationTotalMessage, exceedsTotalAllocation, totalAllocation } from "./allocation";
import type { ExperimentType } from "./enums";
import { splitUrlProblem } from "./split-url";
import type { GuardedVariant } from "./start-guards";

export interface VariantSetProblem {
  /** The variant concerned, or null for the set as a whole (the allocation total). */
  readonly index: number | null;
  readonly field: "name" | "isControl" | "trafficAllocation" | "configuration.url";
  readonly message: string;
}

export function variantSetProblems(experimentType: ExperimentType, variants: readonly GuardedVariant[]): VariantSetProblem[] {
  const problems: VariantSetProblem[] = [];
  variants.forEach((variant, index) => {
    if (variants.some((other, otherIndex) => otherIndex !== index && other.name === variant.name)) {
      problems.push({ index, field: "name", message: `Another variant is already named "${variant.name}".` });
    }
  });
  const controls = variants.flatMap((variant, index) => (variant.isControl ? [index] : []));
  if (controls.length > 1) {
    for (const index of controls) {
      problems.push({ index, field: "isControl", message: "Only one variant can be the control." });
    }
  }
  const total = totalAllocation(variants.map((variant) => variant.trafficAllocation));
  if (exceedsTotalAllocation(total)) {
    problems.push({ index: null, field: "trafficAllocation", message: allocationTotalMessage(total) });
  }
  if (experimentType === "SPLIT_URL") {
    variants.forEach((variant, index) => {
      const problem = splitUrlProblem(variant.configuration);
      if (problem !== null) problems.push({ index, field: "configuration.url", message: `Variant "${variant.name}": its configuration ${problem}.` });
    });
  }
  return problems;
}
