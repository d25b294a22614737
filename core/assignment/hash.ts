/**
 * GrowthBook's deterministic hash, so that a user lands in the same bucket here as in any GrowthBook SDK.
 *
 * Reference: GrowthBook SDK `packages/sdk-js/src/util.ts` (`hash`, `hashFnv32a`) and
 * https://docs.growthbook.io/lib/build-your-own#hash
 */

export type HashVersion = 1 | 2;

export const DEFAULT_HASH_VERSION: HashVersion = 2;

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * 32-bit FNV-1a over UTF-16 code units (`charCodeAt`), not UTF-8 bytes: GrowthBook's SDKs hash code units,
 * and a user id with non-ASCII characters must land in the same bucket as theirs.
 * Reference: http://www.isthe.com/chongo/tech/comp/fnv/ (FNV-1a), as implemented by GrowthBook's `hashFnv32a`.
 */
export function fnv1a32(str: string): number {
  let hval = FNV_OFFSET_BASIS;
  for (let i = 0; i < str.length; i++) {
    hval ^= str.charCodeAt(i);
    // Math.imul keeps the product in 32 bits, matching GrowthBook's shift-and-add multiplication.
    hval = Math.imul(hval, FNV_PRIME);
  }
  return hval >>> 0;
}

/**
 * A number in [0, 1) for (seed, value); null for an unknown version, as GrowthBook's SDK returns.
 *
 * Version 2 hashes the decimal string of a first hash again, which removes the bias version 1 has for
 * similar seeds (GrowthBook keeps version 1 for existing experiments only). Note the argument order:
 * version 2 hashes `seed + value`, version 1 `value + seed`.
 */
export function hash(seed: string, value: string, version?: HashVersion): number;
export function hash(seed: string, value: string, version: number): number | null;
export function hash(seed: string, value: string, version: number = DEFAULT_HASH_VERSION): number | null {
  if (version === 2) {
    return (fnv1a32(String(fnv1a32(seed + value))) % 10000) / 10000;
  }
  if (version === 1) {
    return (fnv1a32(value + seed) % 1000) / 1000;
  }
  return null;
}
