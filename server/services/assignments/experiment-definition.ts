/** What assignment needs of an experiment: the shape the definitions cache holds (DESIGN §3, §5). */
import type { Condition } from "@/core/conditions/condition";
import type { HashVersion } from "@/core/assignment/hash";
import type { ExperimentStatus, ExperimentType } from "@/core/experiments/enums";

export interface VariantDefinition {
  readonly id: string;
  readonly name: string;
  readonly isControl: boolean;
  /** Percentage (0–100) of all eligible users. */
  readonly trafficAllocation: number;
  readonly configuration: Readonly<Record<string, unknown>>;
}

export interface ExperimentDefinition {
  readonly id: string;
  readonly key: string;
  readonly status: ExperimentStatus;
  readonly experimentType: ExperimentType;
  readonly targetingRules: Condition | null;
  readonly hashVersion?: HashVersion;
  /** In bucket order (creation order, see `loadVariants`). */
  readonly variants: readonly VariantDefinition[];
  /** Bandit experiments: current weights (percentages) in the order of `variants`, used instead of allocations. */
  readonly weights?: readonly number[];
  /**
   * Whether an allocation change ever narrowed the traffic after the experiment left draft (see
   * `core/assignment/traffic-narrowing`): only then can a user outside the traffic hold an assignment.
   */
  readonly trafficNarrowed: boolean;
}
