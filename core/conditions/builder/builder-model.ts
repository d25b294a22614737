/**
 * The targeting rule builder's model: a tree of groups (all / any, optionally negated) and rules (attribute,
 * operator, value), which `builder-to-condition.ts` writes as GrowthBook condition JSON (DESIGN §5) and
 * `condition-to-builder.ts` reads back.
 *
 * Values are kept as the text the user typed, with an explicit `valueType` saying how that text becomes
 * JSON. Parsing on every keystroke would lose half-typed input ("1.", "-"), and guessing the type from the
 * text would turn a stored `{"$gt": "5"}` into `{"$gt": 5}`, which compares differently (strings compare
 * by code unit, numbers by value). Operators whose JSON takes one type (regex, versions) have one.
 */

import { TYPE_NAMES } from "../condition";

export type ValueType = "string" | "number" | "boolean";

/** How many values an operator takes: none (exists), one, or a list (`$in`). */
export type Arity = "none" | "one" | "list";

/**
 * JSON operator names where the builder writes exactly that operator; words where it writes something
 * else: `equals` is GrowthBook's implicit (literal) equality, the text operators are escaped `$regex`
 * patterns, `not_regex` / `not_contains` wrap `$regex` in `$not`, `exists` / `not_exists` are `$exists`.
 *
 * `equals` writes the literal form (`{"plan": "pro"}`) because GrowthBook compares literals loosely: the
 * text "42" matches 42 and "42", so a value typed as text still works against a numeric attribute.
 * `$eq` (strict: same type) is kept as its own operator so that JSON using it reads back unchanged.
 */
export const BUILDER_OPERATORS = [
  "equals",
  "$ne",
  "$eq",
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
  "contains",
  "not_contains",
  "starts_with",
  "ends_with",
  "$regex",
  "not_regex",
  "$regexi",
  "exists",
  "not_exists",
  "$type",
  "$veq",
  "$vne",
  "$vgt",
  "$vgte",
  "$vlt",
  "$vlte",
] as const;
export type BuilderOperator = (typeof BUILDER_OPERATORS)[number];

export type OperatorCategory = "Compare" | "Lists" | "Text" | "Presence" | "Versions";

export interface OperatorInfo {
  /** Reads after the attribute name: "country is one of …". */
  readonly label: string;
  readonly category: OperatorCategory;
  readonly arity: Arity;
  /** The value types the operator accepts; the first is the default when the operator is chosen. */
  readonly valueTypes: readonly ValueType[];
  /** A closed set of values (offered as a select), for `$type`. */
  readonly choices?: readonly string[];
}

const SCALAR: readonly ValueType[] = ["string", "number", "boolean"];
const TEXT_OR_NUMBER: readonly ValueType[] = ["string", "number"];
// Comparisons default to numbers: "age is greater than 30" means 30, and text comparison is the rare case.
const NUMBER_OR_TEXT: readonly ValueType[] = ["number", "string"];
const TEXT: readonly ValueType[] = ["string"];

export const OPERATOR_INFO: Readonly<Record<BuilderOperator, OperatorInfo>> = {
  equals: { label: "equals", category: "Compare", arity: "one", valueTypes: SCALAR },
  $ne: { label: "does not equal", category: "Compare", arity: "one", valueTypes: SCALAR },
  $eq: { label: "equals exactly (same type)", category: "Compare", arity: "one", valueTypes: SCALAR },
  $gt: { label: "is greater than", category: "Compare", arity: "one", valueTypes: NUMBER_OR_TEXT },
  $gte: { label: "is at least", category: "Compare", arity: "one", valueTypes: NUMBER_OR_TEXT },
  $lt: { label: "is less than", category: "Compare", arity: "one", valueTypes: NUMBER_OR_TEXT },
  $lte: { label: "is at most", category: "Compare", arity: "one", valueTypes: NUMBER_OR_TEXT },
  $in: { label: "is one of", category: "Lists", arity: "list", valueTypes: TEXT_OR_NUMBER },
  $nin: { label: "is not one of", category: "Lists", arity: "list", valueTypes: TEXT_OR_NUMBER },
  $ini: { label: "is one of (ignoring case)", category: "Lists", arity: "list", valueTypes: TEXT_OR_NUMBER },
  $nini: { label: "is not one of (ignoring case)", category: "Lists", arity: "list", valueTypes: TEXT_OR_NUMBER },
  $all: { label: "includes all of", category: "Lists", arity: "list", valueTypes: TEXT_OR_NUMBER },
  $alli: { label: "includes all of (ignoring case)", category: "Lists", arity: "list", valueTypes: TEXT_OR_NUMBER },
  contains: { label: "contains", category: "Text", arity: "one", valueTypes: TEXT },
  not_contains: { label: "does not contain", category: "Text", arity: "one", valueTypes: TEXT },
  starts_with: { label: "starts with", category: "Text", arity: "one", valueTypes: TEXT },
  ends_with: { label: "ends with", category: "Text", arity: "one", valueTypes: TEXT },
  $regex: { label: "matches regex", category: "Text", arity: "one", valueTypes: TEXT },
  not_regex: { label: "does not match regex", category: "Text", arity: "one", valueTypes: TEXT },
  $regexi: { label: "matches regex (ignoring case)", category: "Text", arity: "one", valueTypes: TEXT },
  exists: { label: "exists", category: "Presence", arity: "none", valueTypes: TEXT },
  not_exists: { label: "does not exist", category: "Presence", arity: "none", valueTypes: TEXT },
  $type: { label: "is of type", category: "Presence", arity: "one", valueTypes: TEXT, choices: TYPE_NAMES },
  $veq: { label: "is version", category: "Versions", arity: "one", valueTypes: TEXT },
  $vne: { label: "is not version", category: "Versions", arity: "one", valueTypes: TEXT },
  $vgt: { label: "is a version after", category: "Versions", arity: "one", valueTypes: TEXT },
  $vgte: { label: "is at least version", category: "Versions", arity: "one", valueTypes: TEXT },
  $vlt: { label: "is a version before", category: "Versions", arity: "one", valueTypes: TEXT },
  $vlte: { label: "is at most version", category: "Versions", arity: "one", valueTypes: TEXT },
};

export const VALUE_TYPE_LABELS: Readonly<Record<ValueType, string>> = {
  string: "Text",
  number: "Number",
  boolean: "Boolean",
};

export interface Rule {
  readonly kind: "rule";
  /** Stable identity for the editor (React keys); not written to JSON. */
  readonly id: string;
  /** An attribute path, dots for nesting: `country`, `father.age`. */
  readonly attribute: string;
  readonly operator: BuilderOperator;
  readonly valueType: ValueType;
  /** Text as typed: a string for operators taking one value, one string per item for lists, "" for none. */
  readonly value: string | readonly string[];
}

export interface Group {
  readonly kind: "group";
  readonly id: string;
  readonly combinator: "all" | "any";
  /** NOT: all → `$not`, any → `$nor`. */
  readonly negate?: boolean;
  readonly children: readonly BuilderNode[];
}

export type BuilderNode = Group | Rule;

/** Levels of groups the editor shows, the outermost included. */
export const MAX_GROUP_DEPTH = 3;

export function isBuilderOperator(value: string): value is BuilderOperator {
  return (BUILDER_OPERATORS as readonly string[]).includes(value);
}

/** The value as one text (a list is joined, so switching "is one of" → "equals" keeps what was typed). */
export function valueText(value: Rule["value"]): string {
  return typeof value === "string" ? value : value.join(", ");
}

/** The value as a list (one text becomes its comma-separated items). */
export function valueList(value: Rule["value"]): readonly string[] {
  return typeof value === "string" ? splitList(value) : value;
}

/** "US, CA ,, GB" → ["US", "CA", "GB"]: items are trimmed and empty ones dropped. */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** Group levels in the tree, the root counting as 1; a rule alone counts 0. */
export function groupDepth(node: BuilderNode): number {
  if (node.kind === "rule") return 0;
  return 1 + Math.max(0, ...node.children.map(groupDepth));
}
