import { describe, expect, it } from "vitest";
import { allocationTotalMessage, exceedsTotalAllocation, totalAllocation } from "./allocation";

describe("allocation totals", () => {
  it.each<[number[], boolean]>([
    [[], false],
    [[50, 50], false],
    [[33.3, 33.3, 33.4], false],
    [[0.1, 0.2, 99.7], false],
    [[50, 50.001], true],
    [[100, 1], true],
  ])("%j exceeds 100: %s", (allocations, exceeds) => {
    expect(exceedsTotalAllocation(totalAllocation(allocations))).toBe(exceeds);
  });

  it("reads totals as people write them", () => {
    expect(allocationTotalMessage(0.1 + 0.2 + 100)).toBe("The variants' traffic allocations would total 100.3%; at most 100% is possible.");
  });
});
