/**
 * GrowthBook's condition evaluator, so targeting here agrees with GrowthBook's SDKs (and passes their
 * conformance cases, section `evalCondition` of `../shared/conformance/growthbook-sdk-cases.json`).
 *
 * Reference: GrowthBook SDK `packages/sdk-js/src/mongrule.ts` (`evalCondition`) and
 * https://docs.growthbook.io/lib/build-your-own#evalcondition
 */

import { type Attributes, type Condition, type SavedGroups, isOperatorObject, isPlainObject } from "./condition";
import { looseOrder, looseToNumber } from "./loose-comparison";
import { isIn, matchesRegex, savedGroupMembers, typeName } from "./operators";
import { getPath, type IdentifiedAttributes } from "./paths";
import { paddedVersionString } from "./semver";

/**
 * Whether `attributes` satisfy `condition`. Never throws: a condition that cannot be evaluated (malformed
 * JSON that `validateCondition` would reject) does not match, so a bad rule enrols nobody.
 */
export function evalCondition(attributes: Attributes | IdentifiedAttributes, condition: Condition, savedGroups: SavedGroups = {}): boolean {
  try {
    return matchesCondition(attributes, condition, savedGroups);
  } catch {
    // Only reachable through values JSON cannot hold (e.g. an attribute object without `valueOf`) or a
    // condition nested deep enough to exhaust the stack.
    return false;
  }
}

/** Every key must hold: logical operators combine sub-conditions, any other key is an attribute path. */
function matchesCondition(obj: unknown, condition: unknown, savedGroups: SavedGroups): boolean {
  // GrowthBook would throw or iterate a string's characters here; not matching is the safe answer.
  if (!isPlainObject(condition)) return false;
  // Object.keys, not Object.entries: no pair array per key on the SDK hot path.
  for (const key of Object.keys(condition)) {
    const arg = condition[key];
    switch (key) {
      case "$or":
        if (!Array.isArray(arg) || !matchesAny(obj, arg, savedGroups)) return false;
        break;
      case "$nor":
        // As in GrowthBook, an empty `$nor` fails: it negates an empty `$or`, which passes.
        if (!Array.isArray(arg) || matchesAny(obj, arg, savedGroups)) return false;
        break;
      case "$and":
        if (!Array.isArray(arg) || !arg.every((sub) => matchesCondition(obj, sub, savedGroups))) return false;
        break;
      case "$not":
        if (!isPlainObject(arg) || matchesCondition(obj, arg, savedGroups)) return false;
        break;
      default:
        if (!matchesValue(arg, getPath(obj, key), savedGroups, false)) return false;
    }
  }
  return true;
}

/** `$or`: an empty list passes, like an empty `$and`. */
function matchesAny(obj: unknown, conditions: readonly unknown[], savedGroups: SavedGroups): boolean {
  return conditions.length === 0 || conditions.some((sub) => matchesCondition(obj, sub, savedGroups));
}

/**
 * A condition value against an attribute value. Literals compare loosely the way GrowthBook does
 * (`"10"` matches 10, a string condition matches the attribute's string form, `true` matches any truthy
 * non-null value); arrays and non-operator objects compare by their JSON text; operator objects need every
 * operator to hold. `insensitive` (from `$alli`) applies to string literals only.
 */
function matchesValue(condition: unknown, value: unknown, savedGroups: SavedGroups, insensitive: boolean): boolean {
  if (typeof condition === "string") {
    return insensitive ? String(value).toLowerCase() === condition.toLowerCase() : String(value) === condition;
  }
  if (typeof condition === "number") return looseToNumber(value) === condition;
  if (typeof condition === "boolean") return value !== null && Boolean(value) === condition;
  if (condition === null) return value === null;
  if (!isOperatorObject(condition)) return sameJson(value, condition);
  for (const operator of Object.keys(condition)) {
    if (!matchesOperator(operator, value, condition[operator], savedGroups)) return false;
  }
  return true;
}

/** GrowthBook's literal equality for arrays and objects: same JSON text (so object key order matters). */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function matchesOperator(operator: string, actual: unknown, expected: unknown, savedGroups: SavedGroups): boolean {
  switch (operator) {
    case "$veq":
      return paddedVersionString(actual) === paddedVersionString(expected);
    case "$vne":
      return paddedVersionString(actual) !== paddedVersionString(expected);
    case "$vgt":
      return paddedVersionString(actual) > paddedVersionString(expected);
    case "$vgte":
      return paddedVersionString(actual) >= paddedVersionString(expected);
    case "$vlt":
      return paddedVersionString(actual) < paddedVersionString(expected);
    case "$vlte":
      return paddedVersionString(actual) <= paddedVersionString(expected);
    case "$eq":
      return actual === expected;
    case "$ne":
      return actual !== expected;
    case "$lt":
      return looseOrder(actual, expected) === -1;
    case "$lte": {
      const order = looseOrder(actual, expected);
      return order === -1 || order === 0;
    }
    case "$gt":
      return looseOrder(actual, expected) === 1;
    case "$gte": {
      const order = looseOrder(actual, expected);
      return order === 1 || order === 0;
    }
    case "$exists":
      return Boolean(expected) === (actual !== null && actual !== undefined);
    case "$in":
      return Array.isArray(expected) && isIn(actual, expected, false);
    case "$ini":
      return Array.isArray(expected) && isIn(actual, expected, true);
    case "$nin":
      return Array.isArray(expected) && !isIn(actual, expected, false);
    case "$nini":
      return Array.isArray(expected) && !isIn(actual, expected, true);
    case "$inGroup":
      return isIn(actual, savedGroupMembers(savedGroups, expected), false);
    case "$notInGroup":
      return !isIn(actual, savedGroupMembers(savedGroups, expected), false);
    case "$not":
      return !matchesValue(expected, actual, savedGroups, false);
    case "$size":
      return Array.isArray(actual) && matchesValue(expected, actual.length, savedGroups, false);
    case "$elemMatch":
      return matchesSomeElement(actual, expected, savedGroups);
    case "$all":
      return Array.isArray(expected) && matchesAll(actual, expected, savedGroups, false);
    case "$alli":
      return Array.isArray(expected) && matchesAll(actual, expected, savedGroups, true);
    case "$regex":
      return matchesRegex(expected, actual, false);
    case "$regexi":
      return matchesRegex(expected, actual, true);
    case "$type":
      return typeName(actual) === expected;
    default:
      // An unknown operator (a typo such as `$regx`) never matches, as in GrowthBook.
      return false;
  }
}

/**
 * `$elemMatch`: some element of an array attribute matches. An operator object is applied to each element
 * itself; anything else is a condition on each element's fields. As in GrowthBook, falsy elements
 * (0, "", false, null) are skipped, so `{"$elemMatch": {"$eq": 0}}` never matches.
 */
function matchesSomeElement(actual: unknown, expected: unknown, savedGroups: SavedGroups): boolean {
  if (!Array.isArray(actual)) return false;
  const matches = isOperatorObject(expected)
    ? (element: unknown) => matchesValue(expected, element, savedGroups, false)
    : (element: unknown) => matchesCondition(element, expected, savedGroups);
  return actual.some((element: unknown) => Boolean(element) && matches(element));
}

/** `$all` / `$alli`: every expected condition value matches at least one element of an array attribute. */
function matchesAll(
  actual: unknown,
  expected: readonly unknown[],
  savedGroups: SavedGroups,
  insensitive: boolean,
): boolean {
  if (!Array.isArray(actual)) return false;
  return expected.every((want) =>
    actual.some((element: unknown) => matchesValue(want, element, savedGroups, insensitive)),
  );
}
