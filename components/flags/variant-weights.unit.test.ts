import { describe, expect, it } from "vitest";
import { moveItem } from "./move-item";
import { weightSummary } from "./variant-weights";

describe("weightSummary", () => {
  it("accepts weights that add up to 100, including thirds rounded to cents", () => {
    expect(weightSummary([50, 50])).toMatchObject({ state: "exact", message: "Weights add up to 100%.", widths: [50, 50] });
    expect(weightSummary([33.34, 33.33, 33.33]).state).toBe("exact");
  });
  it("says how much is missing", () => {
    expect(weightSummary([50, 40])).toMatchObject({ state: "under", total: 90, message: "Weights add up to 90%: 10% still to give to a variant." });
  });
  it("says how much is too much, and scales the bar to fit", () => {
    const summary = weightSummary([80, 40]);
    expect(summary).toMatchObject({ state: "over", message: "Weights add up to 120%: take 20% off." });
    expect(summary.widths[0]).toBeCloseTo(66.6667, 3);
    expect(summary.widths[1]).toBeCloseTo(33.3333, 3);
  });
  it("draws blank, negative and junk weights as 0", () => {
    expect(weightSummary([Number.NaN, -5, 100])).toMatchObject({ weights: [0, 0, 100], state: "exact" });
  });
});

describe("moveItem", () => {
  it("moves an item up or down", () => {
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
  });
  it("changes nothing for a move out of range", () => {
    expect(moveItem(["a", "b"], 1, 2)).toEqual(["a", "b"]);
    expect(moveItem(["a", "b"], -1, 0)).toEqual(["a", "b"]);
  });
});
