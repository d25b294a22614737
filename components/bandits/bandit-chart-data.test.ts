import { describe, expect, it } from "vitest";
import { banditChartData } from "./bandit-chart-data";

describe("banditChartData", () => {
  const history = [
    { createdAt: "2026-11-01T00:00:00.000Z", trigger: "start" as const, allocations: [{ variantId: "a", variant: "control", weight: 0.5 }, { variantId: "b", variant: "treatment", weight: 0.5 }] },
    { createdAt: "2026-11-01T01:00:00.000Z", trigger: "schedule" as const, allocations: [{ variantId: "a", variant: "control", weight: 0.123456 }, { variantId: "b", variant: "treatment", weight: 0.876544 }, { variantId: "gone", variant: null, weight: 0 }] },
  ];

  it("gives one row per re-weighting in percent, plus the current split held until now", () => {
    const { rows, series } = banditChartData(history, [{ id: "b", name: "treatment" }, { id: "a", name: "control" }], new Date("2026-11-01T02:30:00.000Z"));
    expect(series).toEqual([{ key: "b", label: "treatment" }, { key: "a", label: "control" }, { key: "gone", label: "removed variant" }]);
    expect(rows.map((r) => r.shares)).toEqual([{ a: 50, b: 50 }, { a: 12.35, b: 87.65, gone: 0 }, { a: 12.35, b: 87.65, gone: 0 }]);
    expect(rows.map((r) => new Date(r.time).toISOString())).toEqual(["2026-11-01T00:00:00.000Z", "2026-11-01T01:00:00.000Z", "2026-11-01T02:30:00.000Z"]);
  });

  it("adds nothing for an empty history", () => {
    expect(banditChartData([], [{ id: "a", name: "control" }], new Date()).rows).toEqual([]);
  });
});
