import { describe, expect, it } from "vitest";
import { getVariantRanges, inRange } from "./bucket-ranges";
import { hash } from "./hash";
import { narrowsTraffic } from "./traffic-narrowing";

describe("narrowsTraffic", () => {
  it.each([
    ["ramping up with the same split", [10, 10], [30, 30], false],
    ["no change", [10, 10], [10, 10], false],
    ["opening to everyone", [5, 15], [50, 50], false],
    ["from nothing enrolled", [0, 0], [10, 10], false],
    ["ramping down", [30, 30], [10, 10], true],
    ["closing the experiment", [50, 50], [0, 0], true],
    ["moving weight between variants at 20% coverage", [10, 10], [15, 5], true],
    ["moving weight between variants at full coverage", [50, 50], [70, 30], false],
    ["a new variant at 20% coverage re-slices the space", [10, 10, 0], [10, 10, 10], true],
    ["a new variant at full coverage", [50, 50, 0], [34, 33, 33], false],
    ["a variant dropped to 0 at full coverage (its users fall in the other range)", [50, 50], [100, 0], false],
  ])("%s: %j → %j narrows: %s", (_case, before, after, expected) => {
    expect(narrowsTraffic(before, after)).toBe(expected);
  });

  it("agrees with assignment on real users: a narrowing change leaves some enrolled user out, a widening one none", () => {
    const users = Array.from({ length: 20_000 }, (_, i) => `u${i}`);
    const leftOut = (before: number[], after: number[]) =>
      users.filter((u) => {
        const bucket = hash("exp", u);
        return getVariantRanges(before).some((r) => inRange(bucket, r)) && !getVariantRanges(after).some((r) => inRange(bucket, r));
      }).length;
    expect(leftOut([10, 10], [15, 5])).toBeGreaterThan(0);
    expect(leftOut([10, 10], [30, 30])).toBe(0);
    expect(leftOut([12.5, 7.5], [25, 15])).toBe(0);
    expect(narrowsTraffic([12.5, 7.5], [25, 15])).toBe(false);
  });
});
