/**
 * Bucket ranges: which slice of the hash space [0, 1) each variant owns.
 *
 * Reference: GrowthBook SDK `packages/sdk-js/src/util.ts` (`getBucketRanges`, `getEqualWeights`,
 * `chooseVariation`, `inRange`) and https://docs.growthbook.io/lib/build-your-own#getbucketranges
 */

/** `[start, end)`: a hash `n` is in the range when `start <= n < end`. */
export type BucketRange = readonly [start: number, end: number];

/** `n` equal weights summing to 1; none for a non-positive (or non-integer) count. */
export function getEqualWeights(numVariations: number): number[] {
  // GrowthBook only checks `n <= 0`; a fractional count would make `new Array` throw, so it gets none too.
  if (!Number.isInteger(numVariations) || numVariations <= 0) return [];
  return new Array<number>(numVariations).fill(1 / numVariations);
}

/**
 * GrowthBook's `getBucketRanges`: variant `i` owns `[cum_i, cum_i + coverage * w_i)` where `cum_i` sums the
 * *full* weights before it. Because a range's start does not depend on coverage, raising coverage only
 * grows each range at its end, so a user already inside a range stays in the same one.
 *
 * Coverage is clamped to [0, 1] (missing means 1). Weights fall back to equal weights when missing, of the
 * wrong length, or not summing to 1 within ±0.01.
 */
export function getBucketRanges(
  numVariations: number,
  coverage: number | undefined = 1,
  weights?: readonly number[] | null,
): BucketRange[] {
  // GrowthBook lets NaN through both clamps; treating it as 0 enrols nobody instead of producing NaN ranges.
  const clampedCoverage = Number.isNaN(coverage) ? 0 : Math.min(1, Math.max(0, coverage));

  const equal = getEqualWeights(numVariations);
  let usedWeights: readonly number[] = weights ?? equal;
  if (usedWeights.length !== numVariations) usedWeights = equal;
  const total = usedWeights.reduce((sum, w) => sum + w, 0);
  // Written as a negated range check so a NaN total also falls back, where GrowthBook's `< || >` would not.
  if (!(total >= 0.99 && total <= 1.01)) usedWeights = equal;

  let cumulative = 0;
  return usedWeights.map((w): BucketRange => {
    const start = cumulative;
    cumulative += w;
    return [start, start + clampedCoverage * w];
  });
}

export function inRange(n: number, range: BucketRange): boolean {
  return n >= range[0] && n < range[1];
}

/** Index of the first range holding `n`, or -1 when `n` falls outside every range (not enrolled). */
export function chooseVariation(n: number, ranges: readonly BucketRange[]): number {
  return ranges.findIndex((range) => inRange(n, range));
}

/**
 * Ranges for variants from their traffic allocations (percentages of all eligible users, summing to at
 * most 100; the rest is not enrolled), per DESIGN §5: coverage `c = Σ alloc / 100`, weights
 * `w = alloc / Σ alloc`, then `getBucketRanges(n, c, w)`.
 *
 * Splitting allocations into coverage and weights, instead of laying percentages end to end, is what keeps
 * enrolled users in place when an experiment is ramped up with the same split (10/10 → 30/30): only the
 * coverage changes, and ranges only grow. A total of 0 enrols nobody, so there are no ranges at all.
 *
 * Values outside 0–100 cannot come from the database (it checks them); should one arrive anyway, it is
 * clamped rather than thrown on, because this runs on the SDK hot path. A total above 100 keeps the
 * proportions and enrols everyone (coverage clamps to 1, as in GrowthBook).
 */
export function getVariantRanges(trafficAllocations: readonly number[]): BucketRange[] {
  const allocations = trafficAllocations.map((a) => (Number.isFinite(a) ? Math.min(100, Math.max(0, a)) : 0));
  const total = allocations.reduce((sum, a) => sum + a, 0);
  if (total <= 0) return [];
  return getBucketRanges(
    allocations.length,
    total / 100,
    allocations.map((a) => a / total),
  );
}
