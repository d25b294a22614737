/**
 * The pure decision of experiment assignment (DESIGN §5 "Experiment assignment"): which variant, if any, a
 * user gets, and whether that answer is a new assignment the caller must store.
 *
 * Bucketing follows GrowthBook's `_run` (SDK `packages/sdk-js/src/GrowthBook.ts`): hash the user id with
 * the experiment key as seed, then find the bucket range holding it. Storage, locking and the race between
 * two requests for the same user are the caller's business (one row per experiment and user).
 */

import type { Attributes, Condition } from "../conditions/condition";
import { evalCondition } from "../conditions/eval-condition";
import { IdentifiedAttributes } from "../conditions/paths";
import { type BucketRange, chooseVariation, getVariantRanges } from "./bucket-ranges";
import { DEFAULT_HASH_VERSION, type HashVersion, hash } from "./hash";

export type ExperimentStatus = "DRAFT" | "ACTIVE" | "PAUSED" | "COMPLETED" | "ARCHIVED";

/** What assignment needs of a variant; callers pass their full variant rows and get the same object back. */
export interface AssignableVariant {
  readonly id: string;
  /** Percentage (0–100) of all eligible users who get this variant. */
  readonly trafficAllocation: number;
}

export interface AssignableExperiment<V extends AssignableVariant> {
  /** Also the hash seed, so renaming the key reshuffles users who have no stored assignment. */
  readonly key: string;
  readonly status: ExperimentStatus;
  readonly targetingRules: Condition | null;
  readonly hashVersion?: HashVersion;
  /** In their display order: the order decides which slice of the hash space each variant owns. */
  readonly variants: readonly V[];
}

export interface AssignExperimentInput<V extends AssignableVariant> {
  readonly experiment: AssignableExperiment<V>;
  readonly userId: string;
  /** Attributes sent with the request; conditions also see the user id as `id`. */
  readonly context: Attributes;
  /** The variant of the user's stored assignment, if there is one. */
  readonly existingVariantId?: string | null;
  /**
   * Percentages in the order of `experiment.variants`, used instead of their traffic allocations: bandit
   * experiments assign by their current weights. Ignored when its length does not match the variants
   * (weights computed before a variant was added), so that a stale allocation never fails a request.
   */
  readonly weights?: readonly number[];
}

export type AssignmentReason = "NOT_ACTIVE" | "TARGETING_MISS" | "STICKY" | "BUCKETED" | "NOT_IN_TRAFFIC";

export type ExperimentAssignment<V extends AssignableVariant> =
  /** The stored assignment stands; nothing to write. */
  | { readonly inExperiment: true; readonly variant: V; readonly reason: "STICKY"; readonly isNew: false }
  /** Newly bucketed; the caller stores it (replacing a stored assignment whose variant no longer exists). */
  | { readonly inExperiment: true; readonly variant: V; readonly reason: "BUCKETED"; readonly isNew: true }
  | {
      readonly inExperiment: false;
      readonly variant: null;
      readonly reason: "NOT_ACTIVE" | "TARGETING_MISS" | "NOT_IN_TRAFFIC";
      readonly isNew: false;
    };

/**
 * In order: an experiment that is not ACTIVE enrols nobody; a user failing the targeting rules is not
 * enrolled (checked before the stored assignment, so narrowing targeting also stops serving users already
 * assigned); a stored assignment whose variant still exists is kept, even if allocations changed since;
 * otherwise the user's hash picks a variant from the allocation ranges, or none.
 */
export function assignExperiment<V extends AssignableVariant>(
  input: AssignExperimentInput<V>,
): ExperimentAssignment<V> {
  const { experiment, userId, context, existingVariantId, weights } = input;

  if (experiment.status !== "ACTIVE") return notEnrolled("NOT_ACTIVE");

  if (experiment.targetingRules !== null && !evalCondition(new IdentifiedAttributes(context, userId), experiment.targetingRules)) {
    return notEnrolled("TARGETING_MISS");
  }

  if (existingVariantId != null) {
    const existing = experiment.variants.find((variant) => variant.id === existingVariantId);
    if (existing !== undefined) return { inExperiment: true, variant: existing, reason: "STICKY", isNew: false };
  }

  const bucket = hash(experiment.key, userId, experiment.hashVersion ?? DEFAULT_HASH_VERSION);
  const index = chooseVariation(bucket, variantRanges(experiment.variants, weights));
  const variant = index === -1 ? undefined : experiment.variants[index];
  if (variant === undefined) return notEnrolled("NOT_IN_TRAFFIC");
  return { inExperiment: true, variant, reason: "BUCKETED", isNew: true };
}

/**
 * The ranges of a variant list, or of a bandit's weights for it, computed once per list: definitions are
 * immutable once cached, and the arrays `getVariantRanges` builds were a share of every assignment.
 */
const rangesOf = new WeakMap<object, BucketRange[]>();

function variantRanges(variants: readonly AssignableVariant[], weights: readonly number[] | undefined): BucketRange[] {
  const useWeights = weights !== undefined && weights.length === variants.length;
  const source: object = useWeights ? weights : variants;
  let ranges = rangesOf.get(source);
  if (ranges === undefined) {
    ranges = getVariantRanges(useWeights ? weights : variants.map((variant) => variant.trafficAllocation));
    rangesOf.set(source, ranges);
  }
  return ranges;
}

function notEnrolled<V extends AssignableVariant>(
  reason: "NOT_ACTIVE" | "TARGETING_MISS" | "NOT_IN_TRAFFIC",
): ExperimentAssignment<V> {
  return { inExperiment: false, variant: null, reason, isNew: false };
}
