import { describe, expect, it } from "vitest";
import type { Rule } from "./builder-model";
import { builderProblems, ruleProblems, valueRequired } from "./check-builder";
import { all, any, rule } from "./tree-fixtures";

describe("ruleProblems", () => {
  const cases: Array<[string, Rule, Array<{ field: string; kind: string; message: RegExp }>]> = [
    ["a complete rule", rule("plan", "equals", "string", "pro"), []],
    ["equals the empty text is allowed", rule("plan", "equals", "string", ""), []],
    ["exists needs no value", rule("email", "exists"), []],
    ["a new, empty rule is missing its attribute only", rule("", "equals", "string", ""), [{ field: "attribute", kind: "missing", message: /Enter an attribute/ }]],
    ["spaces around the attribute", rule(" plan", "exists"), [{ field: "attribute", kind: "invalid", message: /spaces/ }]],
    ["an attribute starting with $", rule("$plan", "exists"), [{ field: "attribute", kind: "invalid", message: /cannot start with \$/ }]],
    ["an empty path segment", rule("father..age", "exists"), [{ field: "attribute", kind: "invalid", message: /dots only between/ }]],
    ["an empty number", rule("age", "$gt", "number", ""), [{ field: "value", kind: "missing", message: /Enter a number/ }]],
    ["a number that is not one", rule("age", "$gt", "number", "4O"), [{ field: "value", kind: "invalid", message: /"4O" is not a number/ }]],
    ["an empty list", rule("country", "$in", "string", []), [{ field: "value", kind: "missing", message: /at least one value/ }]],
    ["a list of numbers with text", rule("n", "$in", "number", ["1", "two"]), [{ field: "value", kind: "invalid", message: /"two" is not a number/ }]],
    ["an empty contains", rule("email", "contains", "string", ""), [{ field: "value", kind: "missing", message: /Enter some text/ }]],
    ["an empty version", rule("version", "$vgte", "string", ""), [{ field: "value", kind: "missing", message: /Enter a version/ }]],
    ["an invalid regex", rule("ua", "$regex", "string", "(a"), [{ field: "value", kind: "invalid", message: /Not a valid regular expression/ }]],
    ["an empty regex", rule("ua", "not_regex", "string", ""), [{ field: "value", kind: "missing", message: /Enter a regular expression/ }]],
    ["an unknown type name", rule("a", "$type", "string", "list"), [{ field: "value", kind: "invalid", message: /Choose one of string, number/ }]],
    ["a boolean that is not one", rule("a", "equals", "boolean", "yes"), [{ field: "value", kind: "invalid", message: /true or false/ }]],
  ];

  it.each(cases)("%s", (_name, subject, expected) => {
    const problems = ruleProblems(subject);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((want, index) => {
      expect(problems[index]).toMatchObject({ field: want.field, kind: want.kind });
      expect(problems[index]?.message).toMatch(want.message);
    });
  });
});

describe("builderProblems", () => {
  it("gives each problem the path of its rule", () => {
    const tree = all(rule("plan", "equals", "string", "pro"), any(rule("age", "$gt", "number", "x"), rule("", "exists")));
    expect(builderProblems(tree).map(({ path, field, kind }) => ({ path, field, kind }))).toEqual([
      { path: [1, 0], field: "value", kind: "invalid" },
      { path: [1, 1], field: "attribute", kind: "missing" },
    ]);
  });
});

describe("valueRequired", () => {
  it.each([
    ["equals", "string", false],
    ["equals", "number", true],
    ["$ne", "string", false],
    ["contains", "string", true],
    ["$in", "string", true],
    ["exists", "string", false],
  ] as const)("%s with %s: %s", (operator, valueType, expected) => {
    expect(valueRequired(operator, valueType)).toBe(expected);
  });
});
