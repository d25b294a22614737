/**
 * Short constructors for builder trees in tests: `all(rule("plan", "equals", "string", "pro"))`.
 * Ids are placeholders; compare trees with `withoutIds` where ids do not matter.
 */

import type { BuilderNode, BuilderOperator, Group, Rule, ValueType } from "./builder-model";

export function rule(attribute: string, operator: BuilderOperator, valueType: ValueType = "string", value: Rule["value"] = ""): Rule {
  return { kind: "rule", id: "r", attribute, operator, valueType, value };
}

export function all(...children: BuilderNode[]): Group {
  return { kind: "group", id: "g", combinator: "all", children };
}

export function any(...children: BuilderNode[]): Group {
  return { kind: "group", id: "g", combinator: "any", children };
}

export function not(group: Group): Group {
  return { ...group, negate: true };
}

interface GroupWithoutIds extends Omit<Group, "id" | "children"> {
  children: WithoutIdNode[];
}
type WithoutIdNode = GroupWithoutIds | Omit<Rule, "id">;

export function withoutIds(node: BuilderNode): WithoutIdNode {
  if (node.kind === "rule") {
    const { id: _id, ...rest } = node;
    return rest;
  }
  const { id: _id, children, ...rest } = node;
  return { ...rest, children: children.map(withoutIds) };
}
