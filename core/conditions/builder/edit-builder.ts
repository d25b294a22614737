/**
 * Immutable edits of the builder tree, addressed by a path of child indexes from the root (`[]` is the root,
 * `[1, 0]` the first child of the root's second child). The editor keeps the tree in React state, so each
 * edit returns a new tree and leaves the old one untouched.
 */

import {
  type BuilderNode,
  type BuilderOperator,
  type Group,
  OPERATOR_INFO,
  type Rule,
  valueList,
  valueText,
} from "./builder-model";

export type NodePath = readonly number[];

export function nodeAt(root: Group, path: NodePath): BuilderNode | undefined {
  let node: BuilderNode = root;
  for (const index of path) {
    if (node.kind !== "group") return undefined;
    const child: BuilderNode | undefined = node.children[index];
    if (child === undefined) return undefined;
    node = child;
  }
  return node;
}

/** Replaces the node at `path` with `change(node)`; an invalid path leaves the tree as it is. */
export function updateNode(root: Group, path: NodePath, change: (node: BuilderNode) => BuilderNode): Group {
  const updated = updateIn(root, path, change);
  return updated.kind === "group" ? updated : root;
}

function updateIn(node: BuilderNode, path: NodePath, change: (node: BuilderNode) => BuilderNode): BuilderNode {
  const [index, ...rest] = path;
  if (index === undefined) return change(node);
  if (node.kind !== "group") return node;
  const child = node.children[index];
  if (child === undefined) return node;
  const children = node.children.map((each, i) => (i === index ? updateIn(child, rest, change) : each));
  return { ...node, children };
}

export function updateRule(root: Group, path: NodePath, change: (rule: Rule) => Rule): Group {
  return updateNode(root, path, (node) => (node.kind === "rule" ? change(node) : node));
}

export function updateGroup(root: Group, path: NodePath, change: (group: Group) => Group): Group {
  return updateNode(root, path, (node) => (node.kind === "group" ? change(node) : node));
}

/** Removes the node at `path`; the root itself cannot be removed. */
export function removeNode(root: Group, path: NodePath): Group {
  const parentPath = path.slice(0, -1);
  const index = path[path.length - 1];
  if (index === undefined) return root;
  return updateGroup(root, parentPath, (group) => ({
    ...group,
    children: group.children.filter((_, i) => i !== index),
  }));
}

export function appendChild(root: Group, groupPath: NodePath, child: BuilderNode): Group {
  return updateGroup(root, groupPath, (group) => ({ ...group, children: [...group.children, child] }));
}

/** An id no node of the tree has: "n" and one more than the highest number in use. */
export function nextNodeId(root: Group): string {
  let highest = 0;
  const visit = (node: BuilderNode) => {
    const match = /^n(\d+)$/.exec(node.id);
    if (match?.[1] !== undefined) highest = Math.max(highest, Number(match[1]));
    if (node.kind === "group") node.children.forEach(visit);
  };
  visit(root);
  return `n${highest + 1}`;
}

export function newRule(id: string): Rule {
  return { kind: "rule", id, attribute: "", operator: "equals", valueType: "string", value: "" };
}

export function newGroup(id: string, combinator: Group["combinator"] = "any"): Group {
  return { kind: "group", id, combinator, children: [newRule(`${id}-1`)] };
}

/**
 * A rule with another operator, its value carried over where it still fits: the type stays when the
 * operator accepts it (else the operator's default), a list and a single value convert into each other,
 * and a closed set (`$type`) falls back to its first choice.
 */
export function changeOperator(rule: Rule, operator: BuilderOperator): Rule {
  const info = OPERATOR_INFO[operator];
  const valueType = info.valueTypes.includes(rule.valueType) ? rule.valueType : (info.valueTypes[0] ?? "string");
  let value: Rule["value"];
  if (info.arity === "none") value = "";
  else if (info.arity === "list") value = valueList(rule.value);
  else value = valueText(rule.value);
  if (info.choices !== undefined && (typeof value !== "string" || !info.choices.includes(value))) {
    value = info.choices[0] ?? "";
  }
  if (valueType === "boolean" && typeof value === "string" && value !== "true" && value !== "false") value = "true";
  return { ...rule, operator, valueType, value };
}

/** A rule with another value type; a boolean starts as "true" so the select and the JSON agree. */
export function changeValueType(rule: Rule, valueType: Rule["valueType"]): Rule {
  if (valueType === "boolean") {
    const text = valueText(rule.value);
    return { ...rule, valueType, value: text === "false" ? "false" : "true" };
  }
  return { ...rule, valueType };
}
