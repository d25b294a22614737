/**
 * Structural check of a targeting condition before it is stored (the UI's raw JSON mode, the API).
 *
 * The evaluator forgives anything (an unknown operator or a bad regex simply does not match), which would
 * turn a typo into an experiment that silently enrols nobody. This check names the first problem and where
 * it is, e.g. `$and[0]["father.age"].$gt: expects a number or a string, got boolean`.
 *
 * It is deliberately stricter than GrowthBook's evaluator in two places: attribute names may not start
 * with `$` (so a misspelt `$ro` is reported, not read as an attribute), and an object mixing `$` operators
 * with plain keys is rejected (GrowthBook would compare it as a literal, which is never what was meant).
 */

import {
  CONDITION_OPERATORS,
  TYPE_NAMES,
  VALUE_OPERATORS,
  isOperatorObject,
  isPlainObject,
} from "./condition";
import { compileRegex } from "./operators";

export type ConditionValidation = { ok: true } | { ok: false; error: string; path: string };

/**
 * Deepest JSON nesting accepted (the root object is depth 0, its values depth 1, ...), so a hostile
 * document cannot exhaust the stack of the check or of the evaluator. Real conditions stay under 10.
 */
export const MAX_CONDITION_DEPTH = 32;

type PathPart = string | number;
type Problem = { path: readonly PathPart[]; message: string };

export function validateCondition(json: unknown): ConditionValidation {
  const problem = checkCondition(json, [], 0);
  if (problem === null) return { ok: true };
  const path = formatPath(problem.path);
  return { ok: false, path, error: path === "" ? problem.message : `${path}: ${problem.message}` };
}

/** `$and[0]["father.age"].$gt`: identifiers after dots, other keys (attribute paths with dots) quoted. */
export function formatPath(parts: readonly PathPart[]): string {
  return parts
    .map((part, index) => {
      if (typeof part === "number") return `[${part}]`;
      if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part)) return index === 0 ? part : `.${part}`;
      return `[${JSON.stringify(part)}]`;
    })
    .join("");
}

const conditionOperators: ReadonlySet<string> = new Set(CONDITION_OPERATORS);
const valueOperators: ReadonlySet<string> = new Set(VALUE_OPERATORS);

function checkCondition(value: unknown, path: readonly PathPart[], depth: number): Problem | null {
  if (depth > MAX_CONDITION_DEPTH) return tooDeep(path);
  if (!isPlainObject(value)) return { path, message: `a condition must be a JSON object, got ${describe(value)}` };
  for (const [key, arg] of Object.entries(value)) {
    const problem = checkConditionEntry(key, arg, [...path, key], depth + 1);
    if (problem !== null) return problem;
  }
  return null;
}

/** One key of a condition: a logical operator or an attribute path. `depth` is the depth of `arg`. */
function checkConditionEntry(key: string, arg: unknown, path: readonly PathPart[], depth: number): Problem | null {
  if (key === "$and" || key === "$or" || key === "$nor") return checkConditionList(arg, path, depth);
  if (key === "$not") return checkCondition(arg, path, depth);
  if (key.startsWith("$")) return { path, message: misplacedOperatorMessage(key) };
  return checkAttributePath(key, path) ?? checkValue(arg, path, depth);
}

function checkConditionList(value: unknown, path: readonly PathPart[], depth: number): Problem | null {
  if (depth > MAX_CONDITION_DEPTH) return tooDeep(path);
  if (!Array.isArray(value)) return { path, message: `expects an array of conditions, got ${describe(value)}` };
  for (const [index, item] of value.entries()) {
    const problem = checkCondition(item, [...path, index], depth + 1);
    if (problem !== null) return problem;
  }
  return null;
}

function misplacedOperatorMessage(key: string): string {
  if (valueOperators.has(key)) {
    return `operator "${key}" must be applied to an attribute, e.g. {"country": {"${key}": ...}}`;
  }
  return `unknown operator "${key}" (here only $and, $or, $nor, $not or an attribute name may appear)`;
}

function checkAttributePath(key: string, path: readonly PathPart[]): Problem | null {
  if (key === "") return { path, message: "attribute name must not be empty" };
  if (key.split(".").includes("")) return { path, message: `attribute path "${key}" has an empty segment` };
  return null;
}

/** A value compared with an attribute: a literal (equality) or an object of operators. */
function checkValue(value: unknown, path: readonly PathPart[], depth: number): Problem | null {
  if (depth > MAX_CONDITION_DEPTH) return tooDeep(path);
  if (isOperatorObject(value)) {
    for (const [operator, arg] of Object.entries(value)) {
      const problem = checkOperator(operator, arg, [...path, operator], depth + 1);
      if (problem !== null) return problem;
    }
    return null;
  }
  if (isPlainObject(value)) {
    const operators = Object.keys(value).filter((key) => key.startsWith("$"));
    if (operators.length > 0) {
      return {
        path,
        message:
          `mixes operators (${operators.join(", ")}) with plain keys; use only operators, ` +
          "or only plain keys to compare with an exact object",
      };
    }
  }
  return checkJson(value, path, depth);
}

/** `depth` is the depth of `arg` itself. */
function checkOperator(operator: string, arg: unknown, path: readonly PathPart[], depth: number): Problem | null {
  if (depth > MAX_CONDITION_DEPTH) return tooDeep(path);
  const fail = (message: string): Problem => ({ path, message });
  switch (operator) {
    case "$eq":
    case "$ne":
      return isScalar(arg) ? null : fail(`expects a string, number, boolean or null, got ${describe(arg)}`);
    case "$gt":
    case "$gte":
    case "$lt":
    case "$lte":
      return typeof arg === "string" || isFiniteNumber(arg)
        ? null
        : fail(`expects a number or a string, got ${describe(arg)}`);
    case "$veq":
    case "$vne":
    case "$vgt":
    case "$vgte":
    case "$vlt":
    case "$vlte":
      return typeof arg === "string" && arg !== ""
        ? null
        : fail(`expects a version string such as "1.2.3", got ${describeLiteral(arg)}`);
    case "$in":
    case "$nin":
    case "$ini":
    case "$nini":
      return checkScalarList(arg, path, depth);
    case "$all":
    case "$alli":
      return checkValueList(arg, path, depth);
    case "$elemMatch":
      if (isOperatorObject(arg)) return checkValue(arg, path, depth);
      if (isPlainObject(arg)) return checkCondition(arg, path, depth);
      return fail(`expects a condition or an operator object, got ${describe(arg)}`);
    case "$size":
      if (typeof arg === "number" && Number.isInteger(arg) && arg >= 0) return null;
      if (isOperatorObject(arg)) return checkValue(arg, path, depth);
      return fail(`expects a non-negative integer or an operator object such as {"$gt": 2}, got ${describe(arg)}`);
    case "$exists":
      return typeof arg === "boolean" ? null : fail(`expects true or false, got ${describe(arg)}`);
    case "$type":
      return typeof arg === "string" && (TYPE_NAMES as readonly string[]).includes(arg)
        ? null
        : fail(`expects one of ${TYPE_NAMES.map((name) => `"${name}"`).join(", ")}, got ${describeLiteral(arg)}`);
    case "$regex":
    case "$regexi":
      return checkRegex(arg, operator === "$regexi", path);
    case "$not":
      return checkValue(arg, path, depth);
    case "$inGroup":
    case "$notInGroup":
      return typeof arg === "string" && arg !== ""
        ? null
        : fail(`expects a saved group id, got ${describeLiteral(arg)}`);
    default:
      return fail(
        conditionOperators.has(operator)
          ? `operator "${operator}" combines conditions and belongs beside attributes, not inside one`
          : `unknown operator "${operator}"`,
      );
  }
}

function checkScalarList(value: unknown, path: readonly PathPart[], depth: number): Problem | null {
  if (!Array.isArray(value)) return { path, message: `expects an array of values, got ${describe(value)}` };
  if (value.length > 0 && depth + 1 > MAX_CONDITION_DEPTH) return tooDeep([...path, 0]);
  for (const [index, item] of value.entries()) {
    if (!isScalar(item)) {
      return { path: [...path, index], message: `expects a string, number, boolean or null, got ${describe(item)}` };
    }
  }
  return null;
}

function checkValueList(value: unknown, path: readonly PathPart[], depth: number): Problem | null {
  if (!Array.isArray(value)) return { path, message: `expects an array, got ${describe(value)}` };
  for (const [index, item] of value.entries()) {
    const problem = checkValue(item, [...path, index], depth + 1);
    if (problem !== null) return problem;
  }
  return null;
}

function checkRegex(value: unknown, insensitive: boolean, path: readonly PathPart[]): Problem | null {
  if (typeof value !== "string") {
    return { path, message: `expects a regular expression string, got ${describe(value)}` };
  }
  if (compileRegex(value, insensitive) !== null) return null;
  // Compiled again only to quote the engine's own explanation (the cache keeps just the outcome).
  let reason = "it does not compile";
  try {
    new RegExp(value, insensitive ? "i" : "");
  } catch (error) {
    if (error instanceof Error) reason = error.message;
  }
  return { path, message: `is not a valid regular expression (${reason})` };
}

/** A literal must be plain JSON: no undefined, functions, NaN or Infinity. */
function checkJson(value: unknown, path: readonly PathPart[], depth: number): Problem | null {
  if (depth > MAX_CONDITION_DEPTH) return tooDeep(path);
  if (value === null || typeof value === "string" || typeof value === "boolean") return null;
  if (typeof value === "number") return Number.isFinite(value) ? null : { path, message: "numbers must be finite" };
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = checkJson(item, [...path, index], depth + 1);
      if (problem !== null) return problem;
    }
    return null;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const problem = checkJson(item, [...path, key], depth + 1);
      if (problem !== null) return problem;
    }
    return null;
  }
  return { path, message: `expects a JSON value, got ${describe(value)}` };
}

function tooDeep(path: readonly PathPart[]): Problem {
  return { path, message: `nested more than ${MAX_CONDITION_DEPTH} levels deep` };
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value === "string" || typeof value === "boolean" || isFiniteNumber(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (isPlainObject(value)) return "an object";
  return typeof value;
}

/** Strings are quoted so the message shows what was typed (`got "strnig"`). */
function describeLiteral(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : describe(value);
}
