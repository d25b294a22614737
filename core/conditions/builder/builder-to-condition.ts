/**
 * Writes the builder's tree as GrowthBook condition JSON (DESIGN §5), in the shape people write by hand:
 * `{"country": {"$in": ["US", "CA"]}, "plan": "pro"}` rather than `{"$and": [...]}` where that is possible.
 *
 * An "all" group is one object with a key per rule, consecutive rules on the same attribute sharing one
 * operator object (`{"age": {"$gt": 30, "$lt": 60}}`). When two rules need the same key apart (the same
 * attribute twice, not adjacent, or the same operator twice) the group is written as `$and` of its rules
 * instead, which keeps their order. Nested "all" groups inside "all" and non-empty "any" groups inside
 * "any" are flattened, as `condition-to-builder.ts` flattens them when reading.
 */

import { type Condition, type JsonObject, type JsonValue, isOperatorObject } from "../condition";
import { type BuilderNode, type Group, type Rule, valueList, valueText } from "./builder-model";
import { escapeRegex, toJsonScalar } from "./rule-values";

/** The condition, or null for "everyone" (an empty builder). */
export function builderToCondition(group: Group): Condition | null {
  const condition = groupCondition(group);
  return Object.keys(condition).length === 0 ? null : condition;
}

function nodeCondition(node: BuilderNode): Condition {
  return node.kind === "rule" ? ruleCondition(node) : groupCondition(node);
}

function groupCondition(group: Group): Condition {
  if (group.combinator === "all") {
    const merged = mergeConjuncts(conjuncts(group));
    if (group.negate !== true) return merged;
    return { $not: merged };
  }
  const parts = disjuncts(group);
  if (group.negate === true) return { $nor: parts };
  // GrowthBook passes an empty `$or`, so an empty "any" is "everyone", written as nothing.
  if (parts.length === 0) return {};
  return parts.length === 1 && parts[0] !== undefined ? parts[0] : { $or: parts };
}

function isPlain(node: BuilderNode, combinator: Group["combinator"]): node is Group {
  return node.kind === "group" && node.combinator === combinator && node.negate !== true;
}

function conjuncts(group: Group): Condition[] {
  return group.children.flatMap((child) => (isPlain(child, "all") ? conjuncts(child) : [nodeCondition(child)]));
}

function disjuncts(group: Group): Condition[] {
  return group.children.flatMap((child) =>
    isPlain(child, "any") && child.children.length > 0 ? disjuncts(child) : [nodeCondition(child)],
  );
}

/** One object for all conjuncts when their keys allow it, else `$and` of them in order. */
function mergeConjuncts(parts: readonly Condition[]): Condition {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  // A Map, not an object literal: an attribute called "__proto__" must stay a key, not become a prototype.
  const merged = new Map<string, JsonValue>();
  let lastKey: string | null = null;
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const existing = merged.get(key);
      if (existing === undefined) {
        merged.set(key, value);
      } else if (key === lastKey && !key.startsWith("$") && isOperatorObject(existing) && isOperatorObject(value) && disjoint(existing, value)) {
        merged.set(key, { ...existing, ...value });
      } else {
        return { $and: parts };
      }
      lastKey = key;
    }
  }
  return Object.fromEntries(merged);
}

/** Two operator objects on one attribute hold together exactly when their operators are different. */
function disjoint(a: JsonObject, b: JsonObject): boolean {
  return Object.keys(b).every((operator) => !Object.hasOwn(a, operator));
}

function ruleCondition(rule: Rule): Condition {
  return Object.fromEntries([[rule.attribute, ruleValue(rule)]]);
}

/** What the rule's attribute is compared with: a literal or an operator object. */
export function ruleValue(rule: Rule): JsonValue {
  const one = () => toJsonScalar(rule.valueType, valueText(rule.value));
  const list = () => valueList(rule.value).map((item) => toJsonScalar(rule.valueType, item));
  const text = valueText(rule.value);
  switch (rule.operator) {
    case "equals":
      return one();
    case "$ne":
    case "$eq":
    case "$gt":
    case "$gte":
    case "$lt":
    case "$lte":
      return { [rule.operator]: one() };
    case "$in":
    case "$nin":
    case "$ini":
    case "$nini":
    case "$all":
    case "$alli":
      return { [rule.operator]: list() };
    case "contains":
      return { $regex: escapeRegex(text) };
    case "not_contains":
      return { $not: { $regex: escapeRegex(text) } };
    case "starts_with":
      return { $regex: `^${escapeRegex(text)}` };
    case "ends_with":
      return { $regex: `${escapeRegex(text)}$` };
    case "$regex":
    case "$regexi":
    case "$type":
    case "$veq":
    case "$vne":
    case "$vgt":
    case "$vgte":
    case "$vlt":
    case "$vlte":
      return { [rule.operator]: text };
    case "not_regex":
      return { $not: { $regex: text } };
    case "exists":
      return { $exists: true };
    case "not_exists":
      return { $exists: false };
  }
}
