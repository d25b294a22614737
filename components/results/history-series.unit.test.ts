import { describe, expect, it } from "vitest";
import { bandKey, effectSeries, pointValues, historyVariants, meanSeries, type HistoryDays, usersSeries } from "./history-series";

const days: HistoryDays = [
  {
    date: "2026-11-30",
    variants: [
      { variant: "B", isControl: false, newUsers: 40, users: 40, mean: 0.2, effect: 0.5, ciLower: -0.1, ciUpper: 1.1 },
      { variant: "A", isControl: true, newUsers: 50, users: 50, mean: 0.1, effect: null, ciLower: null, ciUpper: null },
    ],
  },
  {
    date: "2026-12-01",
    variants: [
      { variant: "A", isControl: true, newUsers: 10, users: 60, mean: 0.12, effect: null, ciLower: null, ciUpper: null },
      { variant: "B", isControl: false, newUsers: 25, users: 65, mean: 0.2, effect: 0.66, ciLower: null, ciUpper: null },
    ],
  },
];

describe("history series", () => {
  it("puts the control first", () => {
    expect(historyVariants(days)).toEqual([
      { name: "A", isControl: true },
      { name: "B", isControl: false },
    ]);
  });

  it("gives daily new users or cumulative users per variant", () => {
    expect(usersSeries(days, "daily")).toEqual([
      { date: "2026-11-30", A: 50, B: 40 },
      { date: "2026-12-01", A: 10, B: 25 },
    ]);
    expect(usersSeries(days, "cumulative")[1]).toEqual({ date: "2026-12-01", A: 60, B: 65 });
    expect(meanSeries(days)[1]).toEqual({ date: "2026-12-01", A: 0.12, B: 0.2 });
  });

  it("gives each treatment's effect with its band, and no band where the interval is open", () => {
    const series = effectSeries(days);
    expect(series[0]).toEqual({ date: "2026-11-30", B: 0.5, [bandKey("B")]: [-0.1, 1.1] });
    expect(pointValues(series)).toEqual([0.5, -0.1, 1.1, 0.66]);
    expect(series[1]?.[bandKey("B")]).toBeNull();
    expect(series[0]).not.toHaveProperty("A");
  });
});
