/**
 * Reads a GrowthBook condition into the builder's tree, or says why the builder cannot show it.
 *
 * The tree evaluates exactly as the JSON does (tested on GrowthBook's conformance cases), but it is
 * normalised: `$and` is flattened into the surrounding "all" (AND is associative), a non-empty `$or` nested
 * in an "any" is flattened into it, several operators on one attribute become one rule each, `$not` of an
 * `$or` becomes a negated "any", and `{"x": null}` / `{"$eq": null}` become "does not exist" (a missing
 * attribute and null are the same thing to the evaluator, see `paths.ts`).
 */

import { type Condition, type JsonObject, type JsonValue, isOperatorObject, isPlainObject } from "../condition";
import { validateCondition } from "../validate-condition";
import { type BuilderNode, type BuilderOperator, type Group, MAX_GROUP_DEPTH, type Rule, groupDepth } from "./builder-model";
import { type JsonScalar, classifyPattern, fromJsonScalar } from "./rule-values";

export type BuilderConversion = { ok: true; group: Group } | { ok: false; reason: string };

/** Thrown inside the walk and caught below, so the recursion reads as the grammar it follows. */
class Unrepresentable extends Error {}

const JSON_MODE = "edit this condition in JSON mode";

export function conditionToBuilder(condition: Condition | null): BuilderConversion {
  if (condition === null) return { ok: true, group: { kind: "group", id: "n1", combinator: "all", children: [] } };
  const validation = validateCondition(condition);
  if (!validation.ok) return { ok: false, reason: `The condition is not valid (${validation.error}).` };
  const reader = new Reader();
  try {
    const rootId = reader.nextId();
    const nodes = reader.conjuncts(condition);
    const only = nodes.length === 1 ? nodes[0] : undefined;
    // A single group becomes the root itself, so a root switched to "any" reads back as "any", not as
    // "all" holding one "any". A negated group stays nested: the editor offers NOT on inner groups only.
    const group: Group =
      only !== undefined && only.kind === "group" && only.negate !== true
        ? { ...only, id: rootId }
        : { kind: "group", id: rootId, combinator: "all", children: nodes };
    const depth = groupDepth(group);
    if (depth > MAX_GROUP_DEPTH) {
      return {
        ok: false,
        reason: `The condition nests groups ${depth} levels deep; the builder shows up to ${MAX_GROUP_DEPTH}, so ${JSON_MODE}.`,
      };
    }
    return { ok: true, group };
  } catch (error) {
    if (error instanceof Unrepresentable) return { ok: false, reason: error.message };
    throw error;
  }
}

class Reader {
  private count = 0;

  nextId(): string {
    this.count += 1;
    return `n${this.count}`;
  }

  /** The nodes a condition object ANDs together: one or more per key. */
  conjuncts(condition: JsonObject): BuilderNode[] {
    const nodes: BuilderNode[] = [];
    for (const [key, arg] of Object.entries(condition)) {
      switch (key) {
        case "$and":
          for (const item of conditionList(arg)) nodes.push(...this.conjuncts(item));
          break;
        case "$or":
          nodes.push(this.anyGroup(conditionList(arg), false));
          break;
        case "$nor":
          nodes.push(this.anyGroup(conditionList(arg), true));
          break;
        case "$not":
          nodes.push(this.negation(conditionObject(arg)));
          break;
        default:
          nodes.push(...this.attributeRules(key, arg));
      }
    }
    return nodes;
  }

  private anyGroup(items: readonly JsonObject[], negate: boolean): Group {
    const id = this.nextId();
    const children = items.flatMap((item): BuilderNode[] => {
      const node = this.itemNode(item);
      // An empty `$or` passes (GrowthBook), so only a non-empty one may be merged into the outer "any".
      const mergeable = node.kind === "group" && node.combinator === "any" && node.negate !== true;
      return mergeable && node.children.length > 0 ? [...node.children] : [node];
    });
    return { kind: "group", id, combinator: "any", ...(negate ? { negate } : {}), children };
  }

  /** One condition of a list: a single node as itself, several as an "all" group. */
  private itemNode(item: JsonObject): BuilderNode {
    const id = this.nextId();
    const nodes = this.conjuncts(item);
    const only = nodes.length === 1 ? nodes[0] : undefined;
    return only ?? { kind: "group", id, combinator: "all", children: nodes };
  }

  private negation(condition: JsonObject): Group {
    const id = this.nextId();
    const nodes = this.conjuncts(condition);
    const only = nodes.length === 1 ? nodes[0] : undefined;
    if (only !== undefined && only.kind === "group" && only.negate !== true) return { ...only, negate: true };
    return { kind: "group", id, combinator: "all", negate: true, children: nodes };
  }

  private attributeRules(attribute: string, value: JsonValue): Rule[] {
    if (value === null) return [this.rule(attribute, "not_exists", "string", "")];
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      const { valueType, text } = fromJsonScalar(value);
      return [this.rule(attribute, "equals", valueType, text)];
    }
    if (!isOperatorObject(value)) {
      const what = Array.isArray(value) ? "an exact array" : "an exact object";
      throw new Unrepresentable(`"${attribute}" is compared with ${what}; ${JSON_MODE}.`);
    }
    return Object.entries(value).map(([operator, arg]) => this.operatorRule(attribute, operator, arg));
  }

  private operatorRule(attribute: string, operator: string, arg: JsonValue): Rule {
    switch (operator) {
      case "$eq":
      case "$ne":
        if (arg === null) return this.rule(attribute, operator === "$eq" ? "not_exists" : "exists", "string", "");
        return this.scalarRule(attribute, operator, scalar(arg, attribute, operator));
      case "$gt":
      case "$gte":
      case "$lt":
      case "$lte":
        return this.scalarRule(attribute, operator, scalar(arg, attribute, operator));
      case "$in":
      case "$nin":
      case "$ini":
      case "$nini":
      case "$all":
      case "$alli":
        return this.listRule(attribute, operator, arg);
      case "$regex":
        return this.patternRule(attribute, text(arg, attribute, operator), false);
      case "$regexi":
      case "$type":
      case "$veq":
      case "$vne":
      case "$vgt":
      case "$vgte":
      case "$vlt":
      case "$vlte":
        return this.rule(attribute, operator, "string", text(arg, attribute, operator));
      case "$exists":
        return this.rule(attribute, arg === true ? "exists" : "not_exists", "string", "");
      case "$not": {
        // `{"$not": {"$regex": …}}` is "does not contain / match"; other negations have no builder operator.
        const pattern = isPlainObject(arg) && Object.keys(arg).length === 1 ? arg.$regex : undefined;
        if (typeof pattern === "string") return this.patternRule(attribute, pattern, true);
        throw new Unrepresentable(`"$not" on "${attribute}" negates more than a regex; ${JSON_MODE}.`);
      }
      default:
        throw new Unrepresentable(`"${operator}" (on "${attribute}") is not available in the builder; ${JSON_MODE}.`);
    }
  }

  private scalarRule(attribute: string, operator: BuilderOperator, value: JsonScalar): Rule {
    const { valueType, text: typed } = fromJsonScalar(value);
    return this.rule(attribute, operator, valueType, typed);
  }

  private listRule(attribute: string, operator: BuilderOperator, arg: JsonValue): Rule {
    if (!Array.isArray(arg)) throw new Unrepresentable(`"${operator}" on "${attribute}" needs a list; ${JSON_MODE}.`);
    const items: readonly JsonValue[] = arg;
    if (items.every((item) => typeof item === "string")) return this.rule(attribute, operator, "string", items.map(String));
    if (items.every((item) => typeof item === "number")) return this.rule(attribute, operator, "number", items.map(String));
    throw new Unrepresentable(
      `The list of "${operator}" on "${attribute}" mixes types or holds values other than text and numbers; ${JSON_MODE}.`,
    );
  }

  private patternRule(attribute: string, pattern: string, negate: boolean): Rule {
    const match = classifyPattern(pattern);
    if (negate) {
      return match.kind === "contains"
        ? this.rule(attribute, "not_contains", "string", match.text)
        : this.rule(attribute, "not_regex", "string", pattern);
    }
    if (match.kind === "regex") return this.rule(attribute, "$regex", "string", pattern);
    return this.rule(attribute, match.kind, "string", match.text);
  }

  private rule(attribute: string, operator: BuilderOperator, valueType: Rule["valueType"], value: Rule["value"]): Rule {
    return { kind: "rule", id: this.nextId(), attribute, operator, valueType, value };
  }
}

// The helpers below re-check shapes that validateCondition has already accepted, so that the types
// narrow without casts; their errors are unreachable for a valid condition.

function conditionList(value: JsonValue): readonly JsonObject[] {
  if (!Array.isArray(value)) throw new Unrepresentable("Expected a list of conditions.");
  const items: readonly JsonValue[] = value;
  return items.map(conditionObject);
}

function conditionObject(value: JsonValue): JsonObject {
  if (!isJsonObject(value)) throw new Unrepresentable("Expected a condition object.");
  return value;
}

function isJsonObject(value: JsonValue): value is JsonObject {
  return isPlainObject(value);
}

function scalar(value: JsonValue, attribute: string, operator: string): JsonScalar {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  throw new Unrepresentable(`"${operator}" on "${attribute}" compares with a value the builder cannot hold; ${JSON_MODE}.`);
}

function text(value: JsonValue, attribute: string, operator: string): string {
  if (typeof value === "string") return value;
  throw new Unrepresentable(`"${operator}" on "${attribute}" expects text; ${JSON_MODE}.`);
}
