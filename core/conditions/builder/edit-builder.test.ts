import { describe, expect, it } from "vitest";
import type { Group, Rule } from "./builder-model";
import {
  appendChild,
  changeOperator,
  changeValueType,
  newGroup,
  newRule,
  nextNodeId,
  nodeAt,
  removeNode,
  updateGroup,
  updateRule,
} from "./edit-builder";

const tree: Group = {
  kind: "group",
  id: "n1",
  combinator: "all",
  children: [
    { kind: "rule", id: "n2", attribute: "country", operator: "$in", valueType: "string", value: ["US", "CA"] },
    {
      kind: "group",
      id: "n3",
      combinator: "any",
      children: [{ kind: "rule", id: "n9", attribute: "plan", operator: "equals", valueType: "string", value: "pro" }],
    },
  ],
};

describe("tree edits by path", () => {
  it("finds nodes, and nothing for a path that leads nowhere", () => {
    expect(nodeAt(tree, [])).toBe(tree);
    expect(nodeAt(tree, [1, 0])?.id).toBe("n9");
    expect(nodeAt(tree, [0, 0])).toBeUndefined();
    expect(nodeAt(tree, [5])).toBeUndefined();
  });

  it("updates a rule without touching the original tree or its other branches", () => {
    const edited = updateRule(tree, [1, 0], (rule) => ({ ...rule, value: "team" }));
    expect(nodeAt(edited, [1, 0])).toMatchObject({ value: "team" });
    expect(nodeAt(tree, [1, 0])).toMatchObject({ value: "pro" });
    expect(edited.children[0]).toBe(tree.children[0]);
  });

  it("ignores a rule edit aimed at a group and a group edit aimed at a rule", () => {
    expect(updateRule(tree, [1], (rule) => ({ ...rule, attribute: "x" }))).toEqual(tree);
    expect(updateGroup(tree, [0], (group) => ({ ...group, combinator: "any" }))).toEqual(tree);
  });

  it("toggles a group's combinator and negation", () => {
    const edited = updateGroup(tree, [1], (group) => ({ ...group, combinator: "all", negate: true }));
    expect(nodeAt(edited, [1])).toMatchObject({ combinator: "all", negate: true });
  });

  it("removes a node, but never the root", () => {
    expect(removeNode(tree, [0]).children.map((child) => child.id)).toEqual(["n3"]);
    expect(nodeAt(removeNode(tree, [1, 0]), [1])).toMatchObject({ children: [] });
    expect(removeNode(tree, [])).toBe(tree);
  });

  it("appends rules and groups with fresh ids", () => {
    const id = nextNodeId(tree);
    expect(id).toBe("n10");
    const withRule = appendChild(tree, [1], newRule(id));
    expect(nodeAt(withRule, [1, 1])).toEqual(newRule("n10"));
    const withGroup = appendChild(withRule, [], newGroup(nextNodeId(withRule)));
    expect(nodeAt(withGroup, [2])).toMatchObject({ kind: "group", id: "n11", combinator: "any", children: [{ id: "n11-1" }] });
  });
});

describe("changeOperator", () => {
  const base: Rule = { kind: "rule", id: "r", attribute: "a", operator: "equals", valueType: "string", value: "US, CA" };

  it.each([
    ["one value → list splits on commas", base, "$in", { valueType: "string", value: ["US", "CA"] }],
    ["list → one value joins", { ...base, operator: "$in", value: ["US", "CA"] }, "equals", { value: "US, CA" }],
    ["a list of numbers stays numbers", { ...base, operator: "$in", valueType: "number", value: ["1"] }, "$nin", { valueType: "number", value: ["1"] }],
    ["text → comparison keeps text (it is allowed)", base, "$gt", { valueType: "string" }],
    ["boolean → comparison takes the default, number", { ...base, valueType: "boolean", value: "true" }, "$gt", { valueType: "number", value: "true" }],
    ["number → regex becomes text", { ...base, valueType: "number", value: "42" }, "contains", { valueType: "string", value: "42" }],
    ["exists clears the value", base, "exists", { value: "" }],
    ["$type starts on its first choice", base, "$type", { value: "string" }],
    ["$type keeps a valid choice", { ...base, value: "array" }, "$type", { value: "array" }],
  ] as const)("%s", (_name, rule, operator, expected) => {
    expect(changeOperator(rule, operator)).toMatchObject({ operator, ...expected });
  });

  it("a boolean equals keeps a valid boolean", () => {
    expect(changeOperator({ ...base, operator: "$ne", valueType: "boolean", value: "false" }, "equals")).toMatchObject({
      valueType: "boolean",
      value: "false",
    });
  });
});

describe("changeValueType", () => {
  const base: Rule = { kind: "rule", id: "r", attribute: "a", operator: "equals", valueType: "string", value: "yes" };

  it("a boolean starts as true unless the text says false", () => {
    expect(changeValueType(base, "boolean")).toMatchObject({ valueType: "boolean", value: "true" });
    expect(changeValueType({ ...base, value: "false" }, "boolean")).toMatchObject({ value: "false" });
  });

  it("other changes keep the text", () => {
    expect(changeValueType({ ...base, value: "42" }, "number")).toMatchObject({ valueType: "number", value: "42" });
  });
});
