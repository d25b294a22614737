/**
 * Targeting conditions in GrowthBook's syntax: MongoDB-style JSON whose keys are attribute paths
 * (`"country"`, `"father.age"`) or the logical operators `$and $or $nor $not`, and whose values are either
 * literals (equality) or operator objects such as `{"$gt": 30}`.
 *
 * Reference: https://docs.growthbook.io/lib/build-your-own#evalcondition
 */

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;

export type JsonObject = { readonly [key: string]: JsonValue };

/** A targeting condition: a JSON object (the empty object matches everyone). */
export type Condition = JsonObject;

/** What a condition is evaluated against: the request's context attributes (JSON from the SDK). */
export type Attributes = Readonly<Record<string, unknown>>;

/** Named lists of values for `$inGroup` / `$notInGroup`. */
export type SavedGroups = Readonly<Record<string, readonly unknown[]>>;

/** Operators allowed where a condition is expected (they combine conditions). */
export const CONDITION_OPERATORS = ["$and", "$or", "$nor", "$not"] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** Operators allowed inside an operator object applied to an attribute's value. */
export const VALUE_OPERATORS = [
  "$eq",
  "$ne",
  "$gt",
  "$gte",
  "$lt",
  "$lte",
  "$in",
  "$nin",
  "$ini",
  "$nini",
  "$all",
  "$alli",
  "$elemMatch",
  "$size",
  "$exists",
  "$type",
  "$regex",
  "$regexi",
  "$not",
  "$inGroup",
  "$notInGroup",
  "$veq",
  "$vne",
  "$vgt",
  "$vgte",
  "$vlt",
  "$vlte",
] as const;
export type ValueOperator = (typeof VALUE_OPERATORS)[number];

/** The type names `$type` compares against (what GrowthBook's `getType` returns for JSON values). */
export const TYPE_NAMES = ["string", "number", "boolean", "object", "array", "null"] as const;

export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * GrowthBook treats an object as operators only when it has keys and every key starts with `$`; any other
 * object (including `{}` and one mixing `$` and plain keys) is a literal compared for equality.
 */
export function isOperatorObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  if (keys.length === 0) return false;
  for (const key of keys) if (!key.startsWith("$")) return false;
  return true;
}
