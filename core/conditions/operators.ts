/**
 * The leaf operators of GrowthBook's condition evaluator: those that look at values only and never recurse
 * into other conditions. Semantics follow GrowthBook SDK `packages/sdk-js/src/mongrule.ts`.
 */

import type { SavedGroups } from "./condition";

/**
 * `$in` and friends. An array attribute matches when any of its elements is in the list (intersection), so
 * `{"tags": {"$in": ["a"]}}` matches `tags: ["d", "a"]`. Membership uses `Array.prototype.includes`
 * (strict equality, except that NaN equals NaN), so `"1"` is not in `[1]`. The case-insensitive variant
 * lower-cases strings on both sides and leaves other values alone.
 */
export function isIn(actual: unknown, expected: readonly unknown[], insensitive: boolean): boolean {
  if (insensitive) {
    const folded = expected.map(caseFold);
    if (Array.isArray(actual)) return actual.some((element) => folded.includes(caseFold(element)));
    return folded.includes(caseFold(actual));
  }
  if (Array.isArray(actual)) return actual.some((element) => expected.includes(element));
  return expected.includes(actual);
}

function caseFold(value: unknown): unknown {
  return typeof value === "string" ? value.toLowerCase() : value;
}

/**
 * Members of a saved group; an unknown group (or a name that is only an inherited property such as
 * `"constructor"`) has none, so `$inGroup` fails and `$notInGroup` passes for it.
 */
export function savedGroupMembers(savedGroups: SavedGroups, groupId: unknown): readonly unknown[] {
  if (typeof groupId !== "string" || !Object.hasOwn(savedGroups, groupId)) return [];
  const members: unknown = savedGroups[groupId];
  return Array.isArray(members) ? members : [];
}

/** The type name `$type` compares against: JSON's types, with arrays and null told apart from objects. */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const type = typeof value;
  return type === "string" || type === "number" || type === "boolean" || type === "object" || type === "undefined"
    ? type
    : "unknown";
}

/**
 * `$regex` / `$regexi`: a pattern that is not a string or does not compile matches nothing (never throws).
 * Like JavaScript's `RegExp.prototype.test`, the attribute is converted to a string first, so a missing
 * attribute is tested as `"null"`.
 */
export function matchesRegex(pattern: unknown, actual: unknown, insensitive: boolean): boolean {
  if (typeof pattern !== "string") return false;
  const regex = compileRegex(pattern, insensitive);
  return regex !== null && regex.test(String(actual));
}

// Compiled patterns are memoised because the same targeting rules run on every SDK request; the cache never
// changes an answer, and it is emptied when full so that user-supplied patterns cannot grow it without bound.
const REGEX_CACHE_LIMIT = 1000;
const regexCache = new Map<string, RegExp | null>();

/** The compiled pattern, or null when it is not a valid JavaScript regular expression. */
export function compileRegex(pattern: string, insensitive: boolean): RegExp | null {
  const cacheKey = `${insensitive ? "i" : "-"}${pattern}`;
  const cached = regexCache.get(cacheKey);
  if (cached !== undefined) return cached;
  let regex: RegExp | null;
  try {
    // GrowthBook first escapes unescaped `/`; in a pattern given to `new RegExp` that changes nothing
    // (`\/` and `/` both match a slash), so it is not repeated here. No `g` flag: `test` stays stateless.
    regex = new RegExp(pattern, insensitive ? "i" : "");
  } catch {
    regex = null;
  }
  if (regexCache.size >= REGEX_CACHE_LIMIT) regexCache.clear();
  regexCache.set(cacheKey, regex);
  return regex;
}
