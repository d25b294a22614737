import { describe, expect, it } from "vitest";
import { cupedWindowDays } from "./refresh-results";

describe("cupedWindowDays", () => {
  it("defaults to 14 days and reads CUPED_WINDOW_DAYS", () => {
    expect(cupedWindowDays({})).toBe(14);
    expect(cupedWindowDays({ CUPED_WINDOW_DAYS: " " })).toBe(14);
    expect(cupedWindowDays({ CUPED_WINDOW_DAYS: "30" })).toBe(30);
    expect(cupedWindowDays({ CUPED_WINDOW_DAYS: "0" })).toBe(0);
  });

  it("refuses what is not a whole number of days up to a year, naming the setting", () => {
    for (const raw of ["-1", "1.5", "two", "366"]) expect(() => cupedWindowDays({ CUPED_WINDOW_DAYS: raw })).toThrow(/CUPED_WINDOW_DAYS/);
  });
});
