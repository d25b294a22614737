/**
 * Whether a change of allocations can leave a user with a stored assignment outside the traffic.
 *
 * A user outside every bucket range today can only hold an assignment if some earlier allocation, while
 * the experiment ran, put their bucket inside a range. When no change ever narrowed the enrolled part of
 * the hash space, assignment can answer such users "not in traffic" without reading the database
 * (DESIGN §9). Ramping up with the same split never narrows it (GrowthBook's ranges only grow at their
 * ends when coverage rises, see `getBucketRanges`); lowering an allocation, or re-weighting with a
 * coverage under 100%, usually does.
 */
import { chooseVariation, getVariantRanges } from "./bucket-ranges";

/**
 * Every value `hash` can return: version 2 gives k/10000 and version 1 k/1000 (the same doubles as
 * 10k/10000, since IEEE division is correctly rounded), so checking these buckets is exact.
 */
const BUCKETS = 10_000;

/**
 * True when some bucket enrolled under the allocations `before` (percentages in bucket order) is outside
 * every range under `after`. Variants are matched by position: pass the same variants, in bucket order,
 * with 0 for one that does not exist on one side.
 */
export function narrowsTraffic(before: readonly number[], after: readonly number[]): boolean {
  const wasIn = getVariantRanges(before);
  if (wasIn.length === 0) return false;
  const isIn = getVariantRanges(after);
  for (let k = 0; k < BUCKETS; k++) {
    const bucket = k / BUCKETS;
    if (chooseVariation(bucket, wasIn) !== -1 && chooseVariation(bucket, isIn) === -1) return true;
  }
  return false;
}
