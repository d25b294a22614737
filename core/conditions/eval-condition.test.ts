import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type Condition, type SavedGroups, isPlainObject } from "./condition";
import { evalCondition } from "./eval-condition";
import { IdentifiedAttributes } from "./paths";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const conformance: unknown = JSON.parse(
  readFileSync(path.resolve(repoRoot, "../shared/conformance/growthbook-sdk-cases.json"), "utf8"),
);

interface EvalConditionCase {
  name: string;
  condition: Condition;
  attributes: Record<string, unknown>;
  expected: boolean;
  savedGroups: SavedGroups | undefined;
}

/** `[name, condition, attributes, expected, savedGroups?]`; a malformed case fails loudly instead of being skipped. */
function parseCase(raw: unknown, index: number): EvalConditionCase {
  if (!Array.isArray(raw)) throw new Error(`evalCondition case ${index} is not an array`);
  const [name, condition, attributes, expected, savedGroups] = raw as unknown[];
  if (typeof name !== "string" || !isPlainObject(condition) || !isPlainObject(attributes)) {
    throw new Error(`evalCondition case ${index} has an unexpected shape`);
  }
  if (typeof expected !== "boolean") throw new Error(`evalCondition case ${index} has no boolean result`);
  if (savedGroups !== undefined && !isPlainObject(savedGroups)) {
    throw new Error(`evalCondition case ${index} has malformed saved groups`);
  }
  return {
    name,
    // The file is JSON, so its objects are JSON objects.
    condition: condition as Condition,
    attributes,
    expected,
    savedGroups: savedGroups as SavedGroups | undefined,
  };
}

function conformanceCases(): EvalConditionCase[] {
  if (!isPlainObject(conformance) || !Array.isArray(conformance.evalCondition)) {
    throw new Error("conformance file has no evalCondition section");
  }
  return conformance.evalCondition.map(parseCase);
}

const cases = conformanceCases();

describe("evalCondition: GrowthBook conformance cases (spec 0.8.0)", () => {
  it("reads all 248 cases", () => {
    expect(cases).toHaveLength(248);
  });

  // Two names occur twice in the file ("$not - pass", "$not - fail"); later ones get their index appended.
  const seen = new Set<string>();
  cases.forEach((testCase, index) => {
    const title = seen.has(testCase.name) ? `${testCase.name} (case #${index})` : testCase.name;
    seen.add(testCase.name);
    it(title, () => {
      expect(evalCondition(testCase.attributes, testCase.condition, testCase.savedGroups)).toBe(testCase.expected);
    });
  });
});

describe("evalCondition: beyond the conformance cases", () => {
  it.each<[string, Condition, Record<string, unknown>, boolean]>([
    ["the user id attribute", { id: "user-1" }, { id: "user-1" }, true],
    ["$regexi with an invalid pattern does not throw", { name: { $regexi: "(" } }, { name: "(" }, false],
    ["$not of an invalid regex passes (inner test false)", { name: { $not: { $regex: "[" } } }, { name: "x" }, true],
    ["$elemMatch skips falsy elements, as GrowthBook does", { n: { $elemMatch: { $eq: 0 } } }, { n: [0, 1] }, false],
    ["empty $nor fails, as GrowthBook does", { $nor: [] }, {}, false],
    ["$or that is not an array does not match", { $or: { a: 1 } }, { a: 1 }, false],
    ["$and that is not an array does not match", { $and: "a" }, { a: 1 }, false],
    ["$not that is not an object does not match", { $not: null }, {}, false],
    ["dotted path through an array index", { "tags.0": "a" }, { tags: ["a", "b"] }, true],
    ["$gt between two numeric strings compares as strings", { n: { $gt: "5" } }, { n: "10" }, false],
    ["$gt against a non-numeric string is false", { n: { $gt: 5 } }, { n: "abc" }, false],
    ["$lte with null (missing) compares as 0", { n: { $lte: 0 } }, {}, true],
    ["saved group named like an inherited property is unknown", { id: { $inGroup: "constructor" } }, { id: 1 }, false],
  ])("%s", (_title, condition, attributes, expected) => {
    expect(evalCondition(attributes, condition)).toBe(expected);
  });

  it("returns false instead of throwing on attribute values JSON cannot hold", () => {
    const noPrototype: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    expect(evalCondition({ obj: noPrototype }, { obj: { $gt: 1 } })).toBe(false);
  });
});

describe("evalCondition over IdentifiedAttributes (the attributes with the user id as `id`, not copied)", () => {
  const attributes = { id: "from-the-context", country: "FR", father: { age: 40 }, tags: ["a", "b"] };
  const seen = new IdentifiedAttributes(attributes, "user-7");

  it("sees the user id as `id`, over an `id` in the context, and every other attribute as it is", () => {
    expect(evalCondition(seen, { id: "user-7" })).toBe(true);
    expect(evalCondition(seen, { id: "from-the-context" })).toBe(false);
    expect(evalCondition(seen, { country: "FR", "father.age": { $gt: 30 }, "tags.1": "b" })).toBe(true);
    expect(evalCondition(seen, { $or: [{ id: { $in: ["x", "user-7"] } }, { country: "US" }] })).toBe(true);
    expect(evalCondition(seen, { missing: { $exists: false } })).toBe(true);
  });

  it("answers paths under `id` as a copy with `id` set would", () => {
    for (const path of ["id.length", "id.0", "id.x"]) {
      const copied = { ...attributes, id: "user-7" };
      expect(evalCondition(seen, { [path]: { $exists: true } })).toBe(evalCondition(copied, { [path]: { $exists: true } }));
    }
  });
});
