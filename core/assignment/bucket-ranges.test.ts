import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  type BucketRange,
  chooseVariation,
  getBucketRanges,
  getEqualWeights,
  getVariantRanges,
  inRange,
} from "./bucket-ranges";
import { hash } from "./hash";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const conformance: unknown = JSON.parse(
  readFileSync(path.resolve(repoRoot, "../shared/conformance/growthbook-sdk-cases.json"), "utf8"),
);

function section(name: string): unknown[] {
  const value: unknown =
    typeof conformance === "object" && conformance !== null ? Reflect.get(conformance, name) : undefined;
  if (!Array.isArray(value)) throw new Error(`conformance file has no ${name} section`);
  return value;
}

function asNumber(value: unknown, where: string): number {
  if (typeof value !== "number") throw new Error(`${where}: expected a number`);
  return value;
}

function asNumbers(value: unknown, where: string): number[] {
  if (!Array.isArray(value)) throw new Error(`${where}: expected an array of numbers`);
  return value.map((item: unknown) => asNumber(item, where));
}

function asRanges(value: unknown, where: string): BucketRange[] {
  if (!Array.isArray(value)) throw new Error(`${where}: expected ranges`);
  return value.map((range: unknown): BucketRange => {
    const [start, end] = asNumbers(range, where);
    if (start === undefined || end === undefined) throw new Error(`${where}: a range needs two numbers`);
    return [start, end];
  });
}

function asString(value: unknown, where: string): string {
  if (typeof value !== "string") throw new Error(`${where}: expected a string`);
  return value;
}

/** The cases file rounds to 8 decimals (e.g. 1/3 as 0.33333333). */
function round8(n: number): number {
  return Number(n.toFixed(8));
}

describe("getBucketRanges: GrowthBook conformance cases (spec 0.8.0, section getBucketRange)", () => {
  const cases = section("getBucketRange").map((raw, index) => {
    const where = `getBucketRange case ${index}`;
    if (!Array.isArray(raw)) throw new Error(`${where} is not an array`);
    const [name, args, expected] = raw as unknown[];
    if (!Array.isArray(args)) throw new Error(`${where}: arguments are not an array`);
    const [numVariations, coverage, weights] = args as unknown[];
    return {
      name: asString(name, where),
      numVariations: asNumber(numVariations, where),
      coverage: asNumber(coverage, where),
      weights: weights === null ? null : asNumbers(weights, where),
      expected: asRanges(expected, where),
    };
  });

  it("reads all 13 cases", () => {
    expect(cases).toHaveLength(13);
  });

  for (const testCase of cases) {
    it(testCase.name, () => {
      const ranges = getBucketRanges(testCase.numVariations, testCase.coverage, testCase.weights);
      expect(ranges.map(([start, end]) => [round8(start), round8(end)])).toEqual(
        testCase.expected.map(([start, end]) => [round8(start), round8(end)]),
      );
    });
  }
});

describe("chooseVariation: GrowthBook conformance cases (spec 0.8.0)", () => {
  const cases = section("chooseVariation").map((raw, index) => {
    const where = `chooseVariation case ${index}`;
    if (!Array.isArray(raw)) throw new Error(`${where} is not an array`);
    const [name, n, ranges, expected] = raw as unknown[];
    return {
      name: asString(name, where),
      n: asNumber(n, where),
      ranges: asRanges(ranges, where),
      expected: asNumber(expected, where),
    };
  });

  it("reads all 13 cases", () => {
    expect(cases).toHaveLength(13);
  });

  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(chooseVariation(testCase.n, testCase.ranges)).toBe(testCase.expected);
    });
  }
});

describe("getEqualWeights: GrowthBook conformance cases (spec 0.8.0)", () => {
  const cases = section("getEqualWeights").map((raw, index) => {
    const where = `getEqualWeights case ${index}`;
    if (!Array.isArray(raw)) throw new Error(`${where} is not an array`);
    const [numVariations, expected] = raw as unknown[];
    return { numVariations: asNumber(numVariations, where), expected: asNumbers(expected, where) };
  });

  it("reads all 6 cases", () => {
    expect(cases).toHaveLength(6);
  });

  for (const { numVariations, expected } of cases) {
    it(`getEqualWeights(${numVariations}) = [${expected.join(", ")}]`, () => {
      expect(getEqualWeights(numVariations).map(round8)).toEqual(expected.map(round8));
    });
  }
});

describe("inRange", () => {
  it("includes the start and excludes the end", () => {
    expect(inRange(0.5, [0.5, 0.6])).toBe(true);
    expect(inRange(0.6, [0.5, 0.6])).toBe(false);
    expect(inRange(0.5, [0.5, 0.5])).toBe(false);
  });
});

describe("getBucketRanges: inputs the conformance cases leave open", () => {
  it("treats a NaN coverage as 0 and NaN weights as invalid", () => {
    expect(getBucketRanges(2, Number.NaN)).toEqual([
      [0, 0],
      [0.5, 0.5],
    ]);
    expect(getBucketRanges(2, 1, [Number.NaN, 1])).toEqual([
      [0, 0.5],
      [0.5, 1],
    ]);
  });

  it("defaults coverage to 1", () => {
    expect(getBucketRanges(2)).toEqual([
      [0, 0.5],
      [0.5, 1],
    ]);
  });

  it("gives no weights and no ranges for a fractional count", () => {
    expect(getEqualWeights(2.5)).toEqual([]);
    expect(getBucketRanges(2.5, 1)).toEqual([]);
  });
});

describe("getVariantRanges: traffic allocations (percentages) to ranges", () => {
  it.each<[string, number[], [number, number][]]>([
    ["50/50 covers everyone", [50, 50], [[0, 0.5], [0.5, 1]]],
    // coverage 0.2, weights 0.5/0.5: each range starts where its full-weight slice starts.
    ["10/10 covers 20%, each range at the start of its half", [10, 10], [[0, 0.1], [0.5, 0.6]]],
    ["30/30 grows the 10/10 ranges at their ends", [30, 30], [[0, 0.3], [0.5, 0.8]]],
    ["20/30/50 covers everyone with uneven weights", [20, 30, 50], [[0, 0.2], [0.2, 0.5], [0.5, 1]]],
    // coverage 0.3, weights 1/3 and 2/3.
    ["10/20 keeps the 1:2 proportion", [10, 20], [[0, 0.1], [1 / 3, 1 / 3 + 0.2]]],
    ["a single variant at 100", [100], [[0, 1]]],
    ["a variant at 0 gets an empty range", [0, 40], [[0, 0], [0, 0.4]]],
    // Not possible through the database (checks 0–100, services check the sum): clamped, not thrown.
    ["a total above 100 keeps proportions and covers everyone", [80, 80], [[0, 0.5], [0.5, 1]]],
    ["negative and non-finite allocations count as 0", [-10, Number.NaN, 20], [[0, 0], [0, 0], [0, 0.2]]],
  ])("%s", (_title, allocations, expected) => {
    const ranges = getVariantRanges(allocations);
    expect(ranges.map(([start, end]) => [round8(start), round8(end)])).toEqual(
      expected.map(([start, end]) => [round8(start), round8(end)]),
    );
  });

  it.each<[string, number[]]>([
    ["a total of 0", [0, 0]],
    ["no variants", []],
  ])("enrols nobody for %s (no ranges)", (_title, allocations) => {
    expect(getVariantRanges(allocations)).toEqual([]);
    expect(chooseVariation(0, getVariantRanges(allocations))).toBe(-1);
  });

  describe("ramping 10/10 → 30/30 over 10,000 users", () => {
    const userIds = Array.from({ length: 10_000 }, (_, i) => `user-${i}`);
    const bucketOf = (userId: string): number => hash("checkout-redesign", userId);
    const before = userIds.map((id) => chooseVariation(bucketOf(id), getVariantRanges([10, 10])));
    const after = userIds.map((id) => chooseVariation(bucketOf(id), getVariantRanges([30, 30])));

    it("keeps every previously enrolled user in the same variant", () => {
      const moved = userIds.filter((_, i) => before[i] !== -1 && after[i] !== before[i]);
      expect(moved).toEqual([]);
    });

    // Enrolment counts are Binomial(10,000, p) for a uniform hash; ±3 standard deviations
    // (3·√(n·p·(1−p))) would be exceeded by chance about 0.3% of the time, and the hash is deterministic,
    // so a failure means the ranges or the hash are wrong, not bad luck.
    it("enrols about 20% at 10/10 and about 60% at 30/30", () => {
      const enrolledBefore = before.filter((index) => index !== -1).length;
      const enrolledAfter = after.filter((index) => index !== -1).length;
      expect(Math.abs(enrolledBefore - 2000)).toBeLessThanOrEqual(3 * Math.sqrt(10_000 * 0.2 * 0.8)); // ±120
      expect(Math.abs(enrolledAfter - 6000)).toBeLessThanOrEqual(3 * Math.sqrt(10_000 * 0.6 * 0.4)); // ±147
    });

    it("would move users if ranges were laid end to end instead", () => {
      // Control: percentages placed back to back ([0, 0.1), [0.1, 0.2) → [0, 0.3), [0.3, 0.6)) move users,
      // so the first test above really distinguishes the two layouts.
      const endToEnd = (a: number): BucketRange[] => [
        [0, a / 100],
        [a / 100, (2 * a) / 100],
      ];
      const moved = userIds.filter((id) => {
        const was = chooseVariation(bucketOf(id), endToEnd(10));
        return was !== -1 && chooseVariation(bucketOf(id), endToEnd(30)) !== was;
      });
      expect(moved.length).toBeGreaterThan(0);
    });
  });
});
