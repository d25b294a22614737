import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fnv1a32, fnv1a32OfDecimal, hash } from "./hash";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const conformance: unknown = JSON.parse(
  readFileSync(path.resolve(repoRoot, "../shared/conformance/growthbook-sdk-cases.json"), "utf8"),
);

type HashCase = [seed: string, value: string, version: number, expected: number | null];

function hashCases(): HashCase[] {
  const section: unknown =
    typeof conformance === "object" && conformance !== null ? Reflect.get(conformance, "hash") : undefined;
  if (!Array.isArray(section)) throw new Error("conformance file has no hash section");
  return section.map((raw: unknown, index): HashCase => {
    if (!Array.isArray(raw)) throw new Error(`hash case ${index} is not an array`);
    const [seed, value, version, expected] = raw as unknown[];
    if (
      typeof seed !== "string" ||
      typeof value !== "string" ||
      typeof version !== "number" ||
      (typeof expected !== "number" && expected !== null)
    ) {
      throw new Error(`hash case ${index} has an unexpected shape`);
    }
    return [seed, value, version, expected];
  });
}

const cases = hashCases();

describe("hash: GrowthBook conformance cases (spec 0.8.0)", () => {
  it("reads all 15 cases", () => {
    expect(cases).toHaveLength(15);
  });

  // The cases have no names; the inputs are the name.
  for (const [seed, value, version, expected] of cases) {
    it(`hash(${JSON.stringify(seed)}, ${JSON.stringify(value)}, ${version}) = ${String(expected)}`, () => {
      expect(hash(seed, value, version)).toBe(expected);
    });
  }
});

describe("hash: our own checks", () => {
  it("fnv1a32 matches the published FNV-1a 32-bit test vectors", () => {
    // http://www.isthe.com/chongo/src/fnv/test_fnv.c: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
  });

  it("fnv1a32 hashes UTF-16 code units, not UTF-8 bytes", () => {
    // "é" is one code unit (0xe9) but two UTF-8 bytes; hashing the code unit equals hashing "\u00e9".
    expect(fnv1a32("é")).toBe(fnv1a32("\u00e9"));
    // XOR with 0xe9 then multiply, computed by hand from the offset basis.
    expect(fnv1a32("é")).toBe(Math.imul(0x811c9dc5 ^ 0xe9, 0x01000193) >>> 0);
  });

  it("defaults to version 2", () => {
    expect(hash("seed", "a")).toBe(0.0505);
  });

  it("returns null for versions other than 1 and 2", () => {
    expect(hash("seed", "a", 0)).toBeNull();
    expect(hash("seed", "a", 3)).toBeNull();
  });
});

describe("fnv1a32OfDecimal", () => {
  it("is fnv1a32 of the number's decimal string, at every digit count and at the edges", () => {
    const edges = [0, 1, 9, 10, 99, 100, 101, 1_000, 10_000_000, 999_999_999, 1_000_000_000, 2_147_483_647, 2_147_483_648, 4_294_967_295];
    const spread = Array.from({ length: 2000 }, (_, i) => Math.imul(i + 1, 2_654_435_761) >>> 0);
    for (const n of [...edges, ...spread]) expect(fnv1a32OfDecimal(n)).toBe(fnv1a32(String(n)));
  });
});
