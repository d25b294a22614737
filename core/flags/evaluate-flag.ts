/**
 * Flag evaluation (DESIGN §5 "Flags"): pure, so the SDK endpoints, the "test a user" panel and the tests
 * all run the same decision.
 *
 * Bucketing is GrowthBook's (hash version 2, `getBucketRanges`): see core/assignment. Reasons are
 * OpenFeature's resolution reasons, https://openfeature.dev/specification/types#resolution-reason
 */
import { chooseVariation, getBucketRanges } from "../assignment/bucket-ranges";
import { hash } from "../assignment/hash";
import type { Attributes } from "../conditions/condition";
import { evalCondition } from "../conditions/eval-condition";
import { IdentifiedAttributes } from "../conditions/paths";
import type { EvaluableFlag, EvaluableOverride, FlagVariant } from "./flag-definition";

export type FlagReason = "DISABLED" | "TARGETING_MATCH" | "SPLIT" | "DEFAULT";

/** What decided the answer, for the "test a user" panel and for debugging. */
export type FlagDecider =
  | { readonly kind: "status" }
  | { readonly kind: "override" }
  | { readonly kind: "rule"; readonly ruleId: string; readonly index: number }
  | { readonly kind: "rollout" };

export interface FlagEvaluation {
  /** True when the user gets the flag's "on" side: `true`, a variant's value, or an override that is not `false`. */
  readonly enabled: boolean;
  /** `undefined` when a multivariate flag is off: the caller keeps its default (OFREP omits `value`). */
  readonly value: unknown;
  /** "on"/"off" for a boolean flag, the variant key for a multivariate one, null when it is off. */
  readonly variant: string | null;
  readonly reason: FlagReason;
  readonly decidedBy: FlagDecider;
  readonly override: boolean;
}

export interface EvaluateFlagInput {
  readonly flag: EvaluableFlag;
  readonly userId: string;
  /** Attributes sent with the request; conditions also see the user id as `id`. */
  readonly context: Attributes;
  /** The user's override for this flag, if one exists (expired or not: expiry is checked here, against `now`). */
  readonly override?: EvaluableOverride | null;
  readonly now: Date;
}

/** The user's bucket for the flag's percentages: one per user and flag, so 10% is a subset of 20%. */
export function rolloutBucket(flagKey: string, userId: string): number {
  return hash(flagKey, userId);
}

/** Whether a bucket in [0, 1) is below a percentage (0–100): 0% takes nobody, 100% everybody. */
function inPercentage(bucket: number, percentage: number): boolean {
  return bucket < percentage / 100;
}

/** The multivariate flag's "on" variant: ranges from the weights at coverage 1, a hash seeded apart from the rollout's. */
export function chooseFlagVariant(flagKey: string, userId: string, variants: readonly FlagVariant[]): FlagVariant | null {
  const total = variants.reduce((sum, v) => sum + (Number.isFinite(v.weight) && v.weight > 0 ? v.weight : 0), 0);
  if (total <= 0) return null;
  const weights = variants.map((v) => (Number.isFinite(v.weight) && v.weight > 0 ? v.weight / total : 0));
  const index = chooseVariation(hash(`${flagKey}/variant`, userId), getBucketRanges(variants.length, 1, weights));
  return variants[index] ?? null;
}

export function overrideIsActive(override: EvaluableOverride, now: Date): boolean {
  return override.expiresAt === null || override.expiresAt.getTime() > now.getTime();
}

/**
 * In order (DESIGN §5): an INACTIVE flag is off (`DISABLED`); an override that has not expired serves its
 * value verbatim; the first rule whose condition matches and whose percentage holds the user's bucket
 * serves what it says (a matching user outside the percentage falls through to the next rule); otherwise
 * the flag's own rollout percentage turns it on (`SPLIT`) or leaves it off (`DEFAULT`).
 *
 * A rule serving a variant key the flag does not have (a definition saved before the variant was removed)
 * is skipped, as if it did not match: serving nothing would be worse than serving the next rule.
 */
export function evaluateFlag(input: EvaluateFlagInput): FlagEvaluation {
  const { flag, userId, override, now } = input;
  if (flag.status !== "ACTIVE") return off(flag, "DISABLED", { kind: "status" });

  if (override && overrideIsActive(override, now)) return fromOverride(flag, override.value);

  const bucket = rolloutBucket(flag.key, userId);
  const rules = flag.targetingRules;
  const attributes = new IdentifiedAttributes(input.context, userId);
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index]!;
    if (!evalCondition(attributes, rule.condition)) continue;
    if (!inPercentage(bucket, rule.rolloutPercentage ?? 100)) continue;
    const decidedBy = { kind: "rule", ruleId: rule.id, index } as const;
    const serve = rule.serve ?? "on";
    if (serve === "on") return on(flag, userId, "TARGETING_MATCH", decidedBy);
    if (serve === "off") return off(flag, "TARGETING_MATCH", decidedBy);
    const variant = flag.variants?.find((v) => v.key === serve);
    if (variant) return served(variant, "TARGETING_MATCH", decidedBy);
  }

  return inPercentage(bucket, flag.rolloutPercentage)
    ? on(flag, userId, "SPLIT", { kind: "rollout" })
    : off(flag, "DEFAULT", { kind: "rollout" });
}

function on(flag: EvaluableFlag, userId: string, reason: FlagReason, decidedBy: FlagDecider): FlagEvaluation {
  if (flag.variants === null) return { enabled: true, value: true, variant: "on", reason, decidedBy, override: false };
  const variant = chooseFlagVariant(flag.key, userId, flag.variants);
  return variant ? served(variant, reason, decidedBy) : off(flag, reason, decidedBy);
}

function off(flag: EvaluableFlag, reason: FlagReason, decidedBy: FlagDecider): FlagEvaluation {
  return flag.variants === null
    ? { enabled: false, value: false, variant: "off", reason, decidedBy, override: false }
    : { enabled: false, value: undefined, variant: null, reason, decidedBy, override: false };
}

function served(variant: FlagVariant, reason: FlagReason, decidedBy: FlagDecider): FlagEvaluation {
  return { enabled: true, value: variant.value, variant: variant.key, reason, decidedBy, override: false };
}

/** The override's value verbatim; the variant is the one holding that value, when there is one. */
function fromOverride(flag: EvaluableFlag, value: unknown): FlagEvaluation {
  const decidedBy = { kind: "override" } as const;
  if (flag.variants === null) {
    return { enabled: value === true, value, variant: value === true ? "on" : "off", reason: "TARGETING_MATCH", decidedBy, override: true };
  }
  const variant = flag.variants.find((v) => sameJson(v.value, value));
  return { enabled: true, value, variant: variant?.key ?? null, reason: "TARGETING_MATCH", decidedBy, override: true };
}

/** Structural equality of JSON values (object key order does not matter). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
