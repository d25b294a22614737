import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isPlainObject } from "./condition";
import { MAX_CONDITION_DEPTH, formatPath, validateCondition } from "./validate-condition";

describe("validateCondition accepts", () => {
  it.each<[string, unknown]>([
    ["the empty condition", {}],
    ["a literal", { country: "US" }],
    ["operators on several attributes", { country: { $in: ["US", "CA"] }, age: { $gte: 18, $lt: 65 } }],
    ["logical operators and dotted paths", { $or: [{ plan: "pro" }, { "account.seats": { $gt: 10 } }] }],
    ["$nor and $not", { $nor: [{ beta: true }], $not: { country: "FR" } }],
    ["$elemMatch with operators", { tags: { $elemMatch: { $eq: "vip" } } }],
    ["$elemMatch with a condition on elements", { hobbies: { $elemMatch: { name: { $regex: "^ping" } } } }],
    ["$size with a number or operators", { a: { $size: 0 }, b: { $size: { $gt: 2 } } }],
    ["$all with literals and operators", { tags: { $all: ["a", { $regex: "^b" }] }, t: { $alli: ["X"] } }],
    ["semver operators", { version: { $vgte: "1.2.0", $vlt: "v2.0.0-beta.1" } }],
    ["saved groups", { id: { $inGroup: "beta-testers" }, email: { $notInGroup: "staff" } }],
    ["literal arrays and objects", { tags: ["a", "b"], address: { city: "Paris", zip: null } }],
    ["null, $exists and $type", { userId: null, a: { $exists: false }, b: { $type: "array" } }],
    ["$not on a value", { name: { $not: { $regex: "^test" } }, ua: { $regexi: "(mobile|tablet)" } }],
    ["$ne, $nin and $nini with scalars", { a: { $ne: null }, b: { $nin: [1, "1", true] }, c: { $nini: ["x"] } }],
  ])("%s", (_title, condition) => {
    expect(validateCondition(condition)).toEqual({ ok: true });
  });

  it(`a value nested exactly ${MAX_CONDITION_DEPTH} levels deep`, () => {
    // 31 `$not`s, then {"country": "US"}: the string sits at depth 32.
    expect(validateCondition(nestNot(MAX_CONDITION_DEPTH - 1))).toEqual({ ok: true });
  });
});

describe("validateCondition rejects, naming the path", () => {
  it.each<[string, unknown, string, string]>([
    ["null", null, "", "a condition must be a JSON object, got null"],
    ["an array", [], "", "a condition must be a JSON object, got an array"],
    ["a string", "country = US", "", "a condition must be a JSON object, got string"],
    ["$or that is not a list", { $or: { a: 1 } }, "$or", "$or: expects an array of conditions, got an object"],
    [
      "a list item that is not a condition",
      { $and: [1] },
      "$and[0]",
      "$and[0]: a condition must be a JSON object, got number",
    ],
    ["$not that is not a condition", { $not: [] }, "$not", "$not: a condition must be a JSON object, got an array"],
    [
      "an unknown condition-level operator",
      { $ro: [] },
      "$ro",
      '$ro: unknown operator "$ro" (here only $and, $or, $nor, $not or an attribute name may appear)',
    ],
    [
      "a value operator without an attribute",
      { $in: [1] },
      "$in",
      '$in: operator "$in" must be applied to an attribute, e.g. {"country": {"$in": ...}}',
    ],
    ["an empty attribute name", { "": 1 }, '[""]', '[""]: attribute name must not be empty'],
    ["an empty path segment", { "a..b": 1 }, '["a..b"]', '["a..b"]: attribute path "a..b" has an empty segment'],
    [
      "a comparison with a boolean, deep inside",
      { $and: [{ "father.age": { $gt: true } }] },
      '$and[0]["father.age"].$gt',
      '$and[0]["father.age"].$gt: expects a number or a string, got boolean',
    ],
    ["$in with a non-list", { c: { $in: "US" } }, "c.$in", "c.$in: expects an array of values, got string"],
    [
      "$in with a nested list",
      { country: { $in: ["US", ["CA"]] } },
      "country.$in[1]",
      "country.$in[1]: expects a string, number, boolean or null, got an array",
    ],
    [
      "$eq with an array",
      { a: { $eq: [1] } },
      "a.$eq",
      "a.$eq: expects a string, number, boolean or null, got an array",
    ],
    ["an unknown value operator", { name: { $regx: "a" } }, "name.$regx", 'name.$regx: unknown operator "$regx"'],
    [
      "an invalid regex",
      { name: { $regex: "(" } },
      "name.$regex",
      "name.$regex: is not a valid regular expression (Invalid regular expression: /(/: Unterminated group)",
    ],
    [
      "an invalid regex inside $elemMatch",
      { hobbies: { $elemMatch: { name: { $regexi: "[" } } } },
      "hobbies.$elemMatch.name.$regexi",
      "hobbies.$elemMatch.name.$regexi: is not a valid regular expression " +
        "(Invalid regular expression: /[/i: Unterminated character class)",
    ],
    [
      "$regex with a non-string",
      { n: { $regex: 1 } },
      "n.$regex",
      "n.$regex: expects a regular expression string, got number",
    ],
    [
      "a misspelt $type",
      { a: { $type: "strnig" } },
      "a.$type",
      'a.$type: expects one of "string", "number", "boolean", "object", "array", "null", got "strnig"',
    ],
    ["$exists with a string", { a: { $exists: "yes" } }, "a.$exists", "a.$exists: expects true or false, got string"],
    [
      "operators mixed with plain keys",
      { a: { $gt: 1, b: 2 } },
      "a",
      "a: mixes operators ($gt) with plain keys; " +
        "use only operators, or only plain keys to compare with an exact object",
    ],
    ["a numeric version", { v: { $vgt: 1 } }, "v.$vgt", 'v.$vgt: expects a version string such as "1.2.3", got number'],
    [
      "an empty saved group id",
      { id: { $inGroup: "" } },
      "id.$inGroup",
      'id.$inGroup: expects a saved group id, got ""',
    ],
    [
      "a negative $size",
      { tags: { $size: -1 } },
      "tags.$size",
      'tags.$size: expects a non-negative integer or an operator object such as {"$gt": 2}, got number',
    ],
    [
      "$elemMatch with a string",
      { tags: { $elemMatch: "a" } },
      "tags.$elemMatch",
      "tags.$elemMatch: expects a condition or an operator object, got string",
    ],
    [
      "a bad value inside $all",
      { tags: { $all: [{ $gt: [] }] } },
      "tags.$all[0].$gt",
      "tags.$all[0].$gt: expects a number or a string, got an array",
    ],
    [
      "a list item nested 33 levels deep (30 `$not`s, then a, $in, [0])",
      nestNot(MAX_CONDITION_DEPTH - 2, { a: { $in: [1] } }),
      `${nots(MAX_CONDITION_DEPTH - 2)}.a.$in[0]`,
      `${nots(MAX_CONDITION_DEPTH - 2)}.a.$in[0]: nested more than ${MAX_CONDITION_DEPTH} levels deep`,
    ],
    [
      "$and applied to an attribute",
      { a: { $and: [{}] } },
      "a.$and",
      'a.$and: operator "$and" combines conditions and belongs beside attributes, not inside one',
    ],
    ["a number JSON cannot hold", { a: Number.NaN }, "a", "a: numbers must be finite"],
    ["undefined inside a literal", { a: [1, undefined] }, "a[1]", "a[1]: expects a JSON value, got undefined"],
  ])("%s", (_title, condition, expectedPath, expectedError) => {
    expect(validateCondition(condition)).toEqual({ ok: false, path: expectedPath, error: expectedError });
  });

  it(`a value nested ${MAX_CONDITION_DEPTH + 1} levels deep`, () => {
    const expectedPath = [...new Array<string>(MAX_CONDITION_DEPTH).fill("$not"), "country"].join(".");
    expect(validateCondition(nestNot(MAX_CONDITION_DEPTH))).toEqual({
      ok: false,
      path: expectedPath,
      error: `${expectedPath}: nested more than ${MAX_CONDITION_DEPTH} levels deep`,
    });
  });
});

describe("formatPath", () => {
  it("quotes keys that are not identifiers and indexes arrays", () => {
    expect(formatPath(["$and", 0, "father.age", "$gt"])).toBe('$and[0]["father.age"].$gt');
    expect(formatPath(["country", "$in", 2])).toBe("country.$in[2]");
    expect(formatPath([])).toBe("");
  });
});

// Every conformance condition is well formed except the ones that exercise the evaluator's forgiveness
// (bad operator arguments, an unknown operator, an invalid regex) and the two that use a `$`-prefixed
// attribute name, which this check deliberately refuses (see validate-condition.ts).
describe("validateCondition over the GrowthBook conformance conditions", () => {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const conformance: unknown = JSON.parse(
    readFileSync(path.resolve(repoRoot, "../shared/conformance/growthbook-sdk-cases.json"), "utf8"),
  );

  it("rejects exactly the malformed ones", () => {
    if (!isPlainObject(conformance) || !Array.isArray(conformance.evalCondition)) {
      throw new Error("conformance file has no evalCondition section");
    }
    const rejected = conformance.evalCondition.flatMap((raw: unknown) => {
      if (!Array.isArray(raw)) throw new Error("malformed evalCondition case");
      const result = validateCondition(raw[1]);
      return result.ok ? [] : [`${String(raw[0])} => ${result.path}`];
    });
    expect(rejected).toEqual([
      "$groups - match => $and[0].$groups",
      "$groups - no match => $and[0].$groups",
      "$in - not array => num.$in",
      "$nin - not array => num.$nin",
      "$ini - not array => num.$ini",
      "$nini - not array => num.$nini",
      "unknown operator - pass => name.$regx",
      "$regex invalid - pass => name.$regex",
      "$regex invalid - fail => name.$regex",
    ]);
  });
});

function nots(count: number): string {
  return new Array<string>(count).fill("$not").join(".");
}

function nestNot(levels: number, innermost: unknown = { country: "US" }): unknown {
  let condition: unknown = innermost;
  for (let i = 0; i < levels; i++) condition = { $not: condition };
  return condition;
}
