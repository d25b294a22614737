/**
 * The builder's promise: opening a condition in the builder and saving it never changes who it targets.
 * Checked on GrowthBook's conformance conditions: every one that converts must evaluate, after the round
 * trip, exactly as the original on every attribute object of the file (not only its own case's).
 */

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type Attributes, type Condition, type SavedGroups, isPlainObject } from "../condition";
import { evalCondition } from "../eval-condition";
import { builderToCondition } from "./builder-to-condition";
import { conditionToBuilder } from "./condition-to-builder";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const conformance: unknown = JSON.parse(
  readFileSync(path.resolve(repoRoot, "../shared/conformance/growthbook-sdk-cases.json"), "utf8"),
);

interface Case {
  name: string;
  condition: Condition;
  attributes: Attributes;
  savedGroups: SavedGroups;
}

function cases(): Case[] {
  if (!isPlainObject(conformance) || !Array.isArray(conformance.evalCondition)) {
    throw new Error("conformance file has no evalCondition section");
  }
  return conformance.evalCondition.map((raw: unknown, index: number): Case => {
    if (!Array.isArray(raw)) throw new Error(`evalCondition case ${index} is not an array`);
    const [name, condition, attributes, , savedGroups] = raw as unknown[];
    if (typeof name !== "string" || !isPlainObject(condition) || !isPlainObject(attributes)) {
      throw new Error(`evalCondition case ${index} has an unexpected shape`);
    }
    if (savedGroups !== undefined && !isPlainObject(savedGroups)) throw new Error(`case ${index}: bad saved groups`);
    // The file is JSON, so its objects are JSON objects (and saved groups hold JSON arrays).
    return { name, condition: condition as Condition, attributes, savedGroups: (savedGroups ?? {}) as SavedGroups };
  });
}

const all = cases();
const converting = all.filter((testCase) => conditionToBuilder(testCase.condition).ok);
const attributeSets = all.map((testCase) => testCase.attributes);

function roundTrip(condition: Condition): Condition {
  const result = conditionToBuilder(condition);
  if (!result.ok) throw new Error(result.reason);
  return builderToCondition(result.group) ?? {};
}

describe("builder round trip on GrowthBook's evalCondition cases", () => {
  it("converts 202 of the 248 conditions (the rest use $elemMatch, $size, saved groups, exact arrays or objects, or are invalid)", () => {
    expect(all).toHaveLength(248);
    expect(converting).toHaveLength(202);
  });

  it.each(converting.map((testCase, index) => [`${testCase.name} (#${index})`, testCase] as const))(
    "%s evaluates as before on every attribute set",
    (_title, testCase) => {
      const written = roundTrip(testCase.condition);
      for (const attributes of attributeSets) {
        expect(evalCondition(attributes, written, testCase.savedGroups), JSON.stringify(attributes)).toBe(
          evalCondition(attributes, testCase.condition, testCase.savedGroups),
        );
      }
    },
  );

  it.each(converting.map((testCase) => [testCase.name, testCase] as const))("%s is stable: a second round trip writes the same JSON", (_name, testCase) => {
    const once = roundTrip(testCase.condition);
    expect(roundTrip(once)).toEqual(once);
  });

  it("names why each of the others cannot be shown", () => {
    const reasons = all
      .map((testCase) => conditionToBuilder(testCase.condition))
      .flatMap((result) => (result.ok ? [] : [result.reason]));
    expect(reasons).toHaveLength(all.length - converting.length);
    for (const reason of reasons) expect(reason).toMatch(/JSON mode|not valid/);
  });
});
