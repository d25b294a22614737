/**
 * The feature-flag vocabulary as plain values (DESIGN §5 "Flags"), for code that must not import the
 * database schema: the pure evaluation, zod schemas that also run in the browser, the SDK endpoints.
 * `db/schema/enums.ts` declares the same statuses as a PostgreSQL enum.
 */
import type { Condition } from "../conditions/condition";

export const FLAG_STATUSES = ["ACTIVE", "INACTIVE"] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** Flag keys are what SDKs send; the database checks the same pattern (`feature_flags_key_format`). */
export const FLAG_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const FLAG_KEY_MAX_LENGTH = 100;

/** One value of a multivariate flag; `weight` is its percentage of the users the flag is on for. */
export interface FlagVariant {
  readonly key: string;
  readonly value: unknown;
  readonly weight: number;
}

/** What a rule serves: the flag's "on" value, its "off" value, or one variant by key. */
export type RuleServe = "on" | "off" | (string & {});

export interface FlagRule {
  readonly id: string;
  readonly description?: string | null;
  readonly condition: Condition;
  /** Missing means "on". */
  readonly serve?: RuleServe;
  /** Percentage (0–100) of matching users the rule serves; missing means 100. */
  readonly rolloutPercentage?: number | null;
}

export interface EvaluableFlag {
  /** Also the hash seed: renaming a flag would reshuffle its users, which is one reason keys are immutable. */
  readonly key: string;
  readonly status: FlagStatus;
  readonly rolloutPercentage: number;
  readonly targetingRules: readonly FlagRule[];
  /** Null for a boolean flag. */
  readonly variants: readonly FlagVariant[] | null;
}

export interface EvaluableOverride {
  readonly value: unknown;
  /** The override stops applying at this instant exactly; null never expires. */
  readonly expiresAt: Date | null;
}

export function isMultivariate(flag: Pick<EvaluableFlag, "variants">): boolean {
  return flag.variants !== null;
}
