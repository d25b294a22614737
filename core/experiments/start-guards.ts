/**
 * What must hold before an experiment may serve traffic (on start, and again on resume): each guard that
 * fails is reported by name, with the field a form should show it on, so "cannot start" always says why.
 */
import { exceedsTotalAllocation, formatPercentage, totalAllocation } from "./allocation";
import type { ExperimentType } from "./enums";
import { splitUrlProblem } from "./split-url";

export const START_GUARDS = ["variant_count", "single_control", "allocation_total", "primary_metric", "split_urls", "end_date"] as const;
export type StartGuard = (typeof START_GUARDS)[number];

export interface StartGuardFailure {
  readonly guard: StartGuard;
  /** Where a form shows it: `variants`, `variants.1.configuration.url`, `metricDefinitions`, `endDate`. */
  readonly field: string;
  readonly message: string;
}

export interface GuardedVariant {
  readonly name: string;
  readonly isControl: boolean;
  readonly trafficAllocation: number;
  readonly configuration: Readonly<Record<string, unknown>>;
}

export interface GuardedExperiment {
  readonly experimentType: ExperimentType;
  readonly endDate: Date | null;
  /** In display order, so `variants.<i>` names the row a person sees. */
  readonly variants: readonly GuardedVariant[];
  readonly metrics: readonly { readonly isPrimary: boolean }[];
}

export const MIN_VARIANTS_TO_START = 2;

/** Every failed guard, in the order of `START_GUARDS`; empty when the experiment may start. */
export function checkStartGuards(experiment: GuardedExperiment, now: Date): StartGuardFailure[] {
  const failures: StartGuardFailure[] = [];
  const { variants } = experiment;

  if (variants.length < MIN_VARIANTS_TO_START) {
    failures.push({
      guard: "variant_count",
      field: "variants",
      message: `An experiment needs at least ${MIN_VARIANTS_TO_START} variants to start; it has ${variants.length}.`,
    });
  }

  const controls = variants.filter((variant) => variant.isControl).length;
  if (controls !== 1) {
    failures.push({
      guard: "single_control",
      field: "variants",
      message: `Exactly one variant must be the control; ${controls === 0 ? "none is" : `${controls} are`}.`,
    });
  }

  const total = totalAllocation(variants.map((variant) => variant.trafficAllocation));
  if (!(total > 0) || exceedsTotalAllocation(total)) {
    failures.push({
      guard: "allocation_total",
      field: "variants",
      message: `The variants' traffic allocations total ${formatPercentage(total)}; they must total more than 0% and at most 100%.`,
    });
  }

  if (!experiment.metrics.some((metric) => metric.isPrimary)) {
    failures.push({ guard: "primary_metric", field: "metricDefinitions", message: "At least one metric must be primary." });
  }

  if (experiment.experimentType === "SPLIT_URL") {
    variants.forEach((variant, index) => {
      const problem = splitUrlProblem(variant.configuration);
      if (problem !== null) {
        failures.push({
          guard: "split_urls",
          field: `variants.${index}.configuration.url`,
          message: `Variant "${variant.name}": its configuration ${problem}.`,
        });
      }
    });
  }

  if (experiment.endDate !== null && experiment.endDate.getTime() <= now.getTime()) {
    failures.push({
      guard: "end_date",
      field: "endDate",
      message: `The end date (${experiment.endDate.toISOString()}) has passed; move it later or clear it.`,
    });
  }

  return failures;
}
