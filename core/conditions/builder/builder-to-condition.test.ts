import { describe, expect, it } from "vitest";
import type { Condition } from "../condition";
import { validateCondition } from "../validate-condition";
import type { Group } from "./builder-model";
import { builderToCondition } from "./builder-to-condition";
import { conditionToBuilder } from "./condition-to-builder";
import { all, any, not, rule, withoutIds } from "./tree-fixtures";

describe("builderToCondition", () => {
  const cases: Array<[string, Group, Condition | null]> = [
    ["an empty builder is everyone", all(), null],
    ["an empty any root is everyone", any(), null],
    ["equals writes a literal", all(rule("plan", "equals", "string", "pro")), { plan: "pro" }],
    ["a number literal", all(rule("age", "equals", "number", " 42 ")), { age: 42 }],
    ["a boolean literal", all(rule("beta", "equals", "boolean", "true")), { beta: true }],
    ["text that looks like a number stays text", all(rule("zip", "equals", "string", "02134")), { zip: "02134" }],
    ["a comparison", all(rule("age", "$gte", "number", "18")), { age: { $gte: 18 } }],
    ["a text comparison", all(rule("word", "$gt", "string", "alpha")), { word: { $gt: "alpha" } }],
    ["$ne and $eq", all(rule("a", "$ne", "number", "1"), rule("b", "$eq", "boolean", "false")), { a: { $ne: 1 }, b: { $eq: false } }],
    [
      "lists keep their item type",
      all(rule("country", "$in", "string", ["US", "CA"]), rule("num", "$nin", "number", ["1", "2.5"])),
      { country: { $in: ["US", "CA"] }, num: { $nin: [1, 2.5] } },
    ],
    [
      "case-insensitive lists and $all",
      all(rule("c", "$ini", "string", ["us"]), rule("d", "$nini", "string", ["x"]), rule("t", "$all", "string", ["a"]), rule("u", "$alli", "string", ["B"])),
      { c: { $ini: ["us"] }, d: { $nini: ["x"] }, t: { $all: ["a"] }, u: { $alli: ["B"] } },
    ],
    ["contains escapes the text", all(rule("email", "contains", "string", "a.b+c@x.com")), { email: { $regex: "a\\.b\\+c@x\\.com" } }],
    ["does not contain", all(rule("name", "not_contains", "string", "bot")), { name: { $not: { $regex: "bot" } } }],
    ["starts with / ends with", all(rule("p", "starts_with", "string", "/a"), rule("q", "ends_with", "string", "$5")), { p: { $regex: "^/a" }, q: { $regex: "\\$5$" } }],
    ["regexes are written as typed", all(rule("ua", "$regex", "string", "Mobi|Tablet"), rule("v", "$regexi", "string", "x"), rule("w", "not_regex", "string", "^y")), {
      ua: { $regex: "Mobi|Tablet" },
      v: { $regexi: "x" },
      w: { $not: { $regex: "^y" } },
    }],
    ["exists / does not exist", all(rule("email", "exists"), rule("phone", "not_exists")), { email: { $exists: true }, phone: { $exists: false } }],
    ["$type", all(rule("tags", "$type", "string", "array")), { tags: { $type: "array" } }],
    ["versions", all(rule("version", "$vgte", "string", "1.2.0"), rule("version", "$vlt", "string", "2.0.0")), { version: { $vgte: "1.2.0", $vlt: "2.0.0" } }],
    [
      "adjacent rules on one attribute share an operator object",
      all(rule("age", "$gt", "number", "30"), rule("age", "$lt", "number", "60"), rule("plan", "equals", "string", "pro")),
      { age: { $gt: 30, $lt: 60 }, plan: "pro" },
    ],
    [
      "the same attribute apart falls back to $and, in order",
      all(rule("age", "$gt", "number", "30"), rule("plan", "equals", "string", "pro"), rule("age", "$lt", "number", "60")),
      { $and: [{ age: { $gt: 30 } }, { plan: "pro" }, { age: { $lt: 60 } }] },
    ],
    [
      "the same operator twice falls back to $and",
      all(rule("age", "$gt", "number", "30"), rule("age", "$gt", "number", "40")),
      { $and: [{ age: { $gt: 30 } }, { age: { $gt: 40 } }] },
    ],
    [
      "a literal and an operator on one attribute fall back to $and",
      all(rule("a", "equals", "number", "1"), rule("a", "exists")),
      { $and: [{ a: 1 }, { a: { $exists: true } }] },
    ],
    ["an any root", any(rule("a", "equals", "number", "1"), rule("b", "equals", "number", "2")), { $or: [{ a: 1 }, { b: 2 }] }],
    ["an any group of one is its child", all(any(rule("a", "equals", "number", "1"))), { a: 1 }],
    [
      "an all group inside all is flattened",
      all(rule("a", "equals", "number", "1"), all(rule("b", "equals", "number", "2"), rule("c", "equals", "number", "3"))),
      { a: 1, b: 2, c: 3 },
    ],
    [
      "an any group inside any is flattened",
      any(rule("a", "equals", "number", "1"), any(rule("b", "equals", "number", "2"), rule("c", "equals", "number", "3"))),
      { $or: [{ a: 1 }, { b: 2 }, { c: 3 }] },
    ],
    [
      "an all group inside any is one object",
      any(all(rule("a", "equals", "number", "1"), rule("b", "equals", "number", "2")), rule("c", "equals", "number", "3")),
      { $or: [{ a: 1, b: 2 }, { c: 3 }] },
    ],
    ["a negated all", all(not(all(rule("a", "equals", "number", "1"), rule("b", "equals", "number", "2")))), { $not: { a: 1, b: 2 } }],
    ["a negated any is $nor", all(not(any(rule("a", "equals", "number", "1"), rule("b", "equals", "number", "2")))), { $nor: [{ a: 1 }, { b: 2 }] }],
    ["a negated any of one is $nor too", all(not(any(rule("a", "equals", "number", "1")))), { $nor: [{ a: 1 }] }],
    ["an empty negated any matches nobody", all(not(any())), { $nor: [] }],
    ["an empty nested any matches everyone", all(rule("a", "equals", "number", "1"), any()), { a: 1 }],
    ["an empty any inside any stays (it passes)", any(rule("a", "equals", "number", "1"), any()), { $or: [{ a: 1 }, {}] }],
    ["an attribute called __proto__ stays a key", all(rule("__proto__", "equals", "string", "x"), rule("b", "exists")), JSON.parse('{"__proto__":"x","b":{"$exists":true}}') as Condition],
    ["a number field holding text is written as text", all(rule("age", "$gt", "number", "abc")), { age: { $gt: "abc" } }],
  ];

  it.each(cases)("%s", (_name, group, expected) => {
    const condition = builderToCondition(group);
    expect(condition).toEqual(expected);
    if (condition !== null) expect(validateCondition(condition)).toEqual({ ok: true });
  });

  // What the editor saves must read back as the tree the user built (modulo ids).
  it.each(cases.filter(([name]) => !name.includes("flattened") && !name.includes("of one is its child")))(
    "reads back unchanged: %s",
    (_name, group) => {
      const condition = builderToCondition(group);
      const result = conditionToBuilder(condition);
      expect(result.ok).toBe(true);
      if (result.ok && condition !== null) expect(builderToCondition(result.group)).toEqual(condition);
    },
  );

  it("reads back a tree with an any root and a negated group as the same tree", () => {
    const tree = any(all(rule("a", "equals", "number", "1"), rule("b", "$in", "string", ["x", "y"])), not(all(rule("c", "exists"))));
    const result = conditionToBuilder(builderToCondition(tree));
    expect(result.ok && withoutIds(result.group)).toEqual(withoutIds(tree));
  });
});
