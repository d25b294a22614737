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
  return fnv1a32Continue(FNV_OFFSET_BASIS, str) >>> 0;
}

/** FNV-1a is a running hash: continuing it over `str` from `hval` hashes whatever came before followed by `str`. */
function fnv1a32Continue(hval: number, str: string): number {
  for (let i = 0; i < str.length; i++) {
    hval ^= str.charCodeAt(i);
    // Math.imul keeps the product in 32 bits, matching GrowthBook's shift-and-add multiplication.
    hval = Math.imul(hval, FNV_PRIME);
  }
  return hval;
}

const DIGIT_ZERO = 48;
const POWERS_OF_TEN = [1e9, 1e8, 1e7, 1e6, 1e5, 1e4, 1e3, 100, 10, 1];

/**
 * `fnv1a32(String(n))` for an unsigned 32-bit `n`, without making the string: the SDK hot path hashes every
 * request, and each decimal string was an allocation that V8's number-to-string cache kept alive long
 * enough to be promoted out of the young generation.
 */
export function fnv1a32OfDecimal(n: number): number {
  let hval = FNV_OFFSET_BASIS;
  let started = false;
  for (const power of POWERS_OF_TEN) {
    const digit = Math.floor(n / power) % 10;
    if (digit === 0 && !started && power !== 1) continue;
    started = true;
    hval = Math.imul(hval ^ (DIGIT_ZERO + digit), FNV_PRIME);
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
    // fnv1a32(String(fnv1a32(seed + value))), computed without the two intermediate strings.
    return (fnv1a32OfDecimal(fnv1a32Continue(fnv1a32Continue(FNV_OFFSET_BASIS, seed), value) >>> 0) % 10000) / 10000;
  }
  if (version === 1) {
    return (fnv1a32(value + seed) % 1000) / 1000;
  }
  return null;
}
