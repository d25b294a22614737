import { describe, expect, it } from "vitest";
import type { Condition } from "../condition";
import type { Group } from "./builder-model";
import { conditionToBuilder } from "./condition-to-builder";
import { all, any, not, rule, withoutIds } from "./tree-fixtures";

function read(condition: Condition | null): Group {
  const result = conditionToBuilder(condition);
  if (!result.ok) throw new Error(`expected a tree, got: ${result.reason}`);
  return result.group;
}

describe("conditionToBuilder: conditions the builder shows", () => {
  const cases: Array<[string, Condition | null, Group]> = [
    ["null is everyone", null, all()],
    ["{} is everyone", {}, all()],
    ["a literal string", { plan: "pro" }, all(rule("plan", "equals", "string", "pro"))],
    ["a literal number keeps its type", { num: 10 }, all(rule("num", "equals", "number", "10"))],
    ["a literal boolean", { beta: true }, all(rule("beta", "equals", "boolean", "true"))],
    ["null means missing", { userId: null }, all(rule("userId", "not_exists"))],
    [
      "implicit AND of several attributes, in order",
      { str: "str", num: 10, flag: false },
      all(
        rule("str", "equals", "string", "str"),
        rule("num", "equals", "number", "10"),
        rule("flag", "equals", "boolean", "false"),
      ),
    ],
    [
      "several operators on one attribute",
      { age: { $gt: 30, $lt: 60 } },
      all(rule("age", "$gt", "number", "30"), rule("age", "$lt", "number", "60")),
    ],
    ["a comparison with text stays text", { n: { $gt: "5" } }, all(rule("n", "$gt", "string", "5"))],
    ["$eq and $ne", { a: { $eq: false, $ne: "x" } }, all(rule("a", "$eq", "boolean", "false"), rule("a", "$ne", "string", "x"))],
    ["$eq null / $ne null", { a: { $eq: null }, b: { $ne: null } }, all(rule("a", "not_exists"), rule("b", "exists"))],
    ["$in of text", { country: { $in: ["US", "CA"] } }, all(rule("country", "$in", "string", ["US", "CA"]))],
    ["$nin of numbers", { num: { $nin: [1, 2] } }, all(rule("num", "$nin", "number", ["1", "2"]))],
    ["$ini, $nini, $all, $alli", { a: { $ini: ["x"], $nini: ["y"], $all: ["z"], $alli: ["w"] } }, all(
      rule("a", "$ini", "string", ["x"]),
      rule("a", "$nini", "string", ["y"]),
      rule("a", "$all", "string", ["z"]),
      rule("a", "$alli", "string", ["w"]),
    )],
    ["an empty list", { a: { $in: [] } }, all(rule("a", "$in", "string", []))],
    ["an escaped regex is contains", { email: { $regex: "@acme\\.com" } }, all(rule("email", "contains", "string", "@acme.com"))],
    ["^text is starts with", { path: { $regex: "^/docs" } }, all(rule("path", "starts_with", "string", "/docs"))],
    ["text$ is ends with", { bday: { $regex: "-12-25$" } }, all(rule("bday", "ends_with", "string", "-12-25"))],
    ["a real regex", { ua: { $regex: "(Mobile|Tablet)" } }, all(rule("ua", "$regex", "string", "(Mobile|Tablet)"))],
    ["$not of a text regex", { name: { $not: { $regex: "bot" } } }, all(rule("name", "not_contains", "string", "bot"))],
    ["$not of a real regex", { name: { $not: { $regex: "^hello$" } } }, all(rule("name", "not_regex", "string", "^hello$"))],
    ["$regexi", { ua: { $regexi: "mobile" } }, all(rule("ua", "$regexi", "string", "mobile"))],
    ["$exists", { a: { $exists: true }, b: { $exists: false } }, all(rule("a", "exists"), rule("b", "not_exists"))],
    ["$type", { a: { $type: "array" } }, all(rule("a", "$type", "string", "array"))],
    ["versions", { v: { $vgte: "1.2.0", $vlt: "2.0.0" } }, all(rule("v", "$vgte", "string", "1.2.0"), rule("v", "$vlt", "string", "2.0.0"))],
    ["a root $or becomes an any root", { $or: [{ a: 1 }, { b: 2 }] }, any(rule("a", "equals", "number", "1"), rule("b", "equals", "number", "2"))],
    [
      "$and is flattened into the surrounding all",
      { $and: [{ a: 1 }, { b: 2, c: 3 }], d: 4 },
      all(
        rule("a", "equals", "number", "1"),
        rule("b", "equals", "number", "2"),
        rule("c", "equals", "number", "3"),
        rule("d", "equals", "number", "4"),
      ),
    ],
    [
      "$and with $or nested (GrowthBook's example)",
      { $and: [{ "father.age": { $gt: 65 } }, { $or: [{ bday: { $regex: "-12-25$" } }, { name: "santa" }] }] },
      all(
        rule("father.age", "$gt", "number", "65"),
        any(rule("bday", "ends_with", "string", "-12-25"), rule("name", "equals", "string", "santa")),
      ),
    ],
    [
      "an $or item with several keys is an all group",
      { $or: [{ a: 1, b: 2 }, { c: 3 }] },
      any(all(rule("a", "equals", "number", "1"), rule("b", "equals", "number", "2")), rule("c", "equals", "number", "3")),
    ],
    [
      "a non-empty $or inside $or is flattened",
      { $or: [{ $or: [{ a: 1 }, { b: 2 }] }, { c: 3 }] },
      any(rule("a", "equals", "number", "1"), rule("b", "equals", "number", "2"), rule("c", "equals", "number", "3")),
    ],
    [
      "an empty $or inside $or is kept (it passes)",
      { $or: [{ $or: [] }, { c: 3 }] },
      any(any(), rule("c", "equals", "number", "3")),
    ],
    ["root $not", { $not: { name: "hello" } }, all(not(all(rule("name", "equals", "string", "hello"))))],
    [
      "$not of $or is a negated any",
      { $not: { $or: [{ a: 1 }, { b: 2 }] }, c: 3 },
      all(not(any(rule("a", "equals", "number", "1"), rule("b", "equals", "number", "2"))), rule("c", "equals", "number", "3")),
    ],
    [
      "$nor is a negated any",
      { $nor: [{ name: "john" }, { age: { $lt: 30 } }] },
      all(not(any(rule("name", "equals", "string", "john"), rule("age", "$lt", "number", "30")))),
    ],
    ["empty $nor (never passes) is kept", { $nor: [] }, all(not(any()))],
    ["empty $and and $or", { $and: [], $or: [] }, any()],
  ];

  it.each(cases)("%s", (_name, condition, expected) => {
    expect(withoutIds(read(condition))).toEqual(withoutIds(expected));
  });

  it("gives every node a distinct id", () => {
    const ids: string[] = [];
    const visit = (node: Group | Group["children"][number]) => {
      ids.push(node.id);
      if (node.kind === "group") node.children.forEach(visit);
    };
    visit(read({ $or: [{ a: 1, b: 2 }, { $not: { c: 3 } }], d: { $gt: 1, $lt: 5 } }));
    expect(ids.length).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("conditionToBuilder: conditions left to JSON mode", () => {
  const cases: Array<[string, Condition, RegExp]> = [
    ["$elemMatch", { tags: { $elemMatch: { $eq: "a" } } }, /"\$elemMatch" \(on "tags"\) is not available in the builder; edit this condition in JSON mode/],
    ["$size", { tags: { $size: 3 } }, /"\$size"/],
    ["$inGroup", { id: { $inGroup: "beta" } }, /"\$inGroup"/],
    ["an exact array", { tags: ["a", "b"] }, /"tags" is compared with an exact array; edit this condition in JSON mode/],
    ["an exact object", { tags: { hello: "world" } }, /an exact object/],
    ["a mixed list", { a: { $in: [1, "1"] } }, /mixes types/],
    ["a list of booleans", { a: { $in: [true] } }, /mixes types or holds values other than text and numbers/],
    ["$not of something else than a regex", { a: { $not: { $gt: 3 } } }, /"\$not" on "a" negates more than a regex/],
    ["an invalid condition", { a: { $regx: "x" } }, /The condition is not valid \(a\.\$regx: unknown operator "\$regx"\)/],
    [
      "groups nested deeper than the editor shows",
      { $or: [{ a: 1 }, { $not: { $or: [{ b: 1 }, { c: 1, $nor: [{ d: 1 }] }] } }] },
      /nests groups 4 levels deep; the builder shows up to 3/,
    ],
  ];

  it.each(cases)("%s", (_name, condition, reason) => {
    const result = conditionToBuilder(condition);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
