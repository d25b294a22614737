import { describe, expect, it } from "vitest";
import { DEFAULT_PLANNING_VALUES, toPowerRequest } from "./planning-form-values";
import { planningHref } from "./planning-link";

describe("toPowerRequest", () => {
  it("turns percentages into fractions and a standard deviation into a variance", () => {
    const { request } = toPowerRequest({ ...DEFAULT_PLANNING_VALUES, metricType: "mean", mean: "20", standardDeviation: "3", effect: "2.5", test: "sequential" }, false);
    expect(request).toMatchObject({ metricType: "mean", baseline: { mean: 20, variance: 9 }, effect: 0.025, alpha: 0.05, power: 0.8, variations: 2, sequentialTuning: 5000 });
    expect(request!.users).toBeUndefined();
  });

  it("checks a sample as users per variation times variations", () => {
    expect(toPowerRequest({ ...DEFAULT_PLANNING_VALUES, usersPerVariation: "20000", variations: "3" }, true).request!.users).toBe(60000);
  });

  it("puts each schema message under its own field", () => {
    expect(toPowerRequest({ ...DEFAULT_PLANNING_VALUES, conversionRate: "150" }, false).errors).toEqual({ conversionRate: "Enter a percentage above 0 and below 100." });
    expect(toPowerRequest({ ...DEFAULT_PLANNING_VALUES, alpha: "120" }, false).errors).toMatchObject({ alpha: "Enter a percentage above 0 and below 100." });
    expect(toPowerRequest({ ...DEFAULT_PLANNING_VALUES, alpha: "20", power: "10" }, false).errors).toEqual({ power: "Power must be greater than alpha." });
    expect(toPowerRequest({ ...DEFAULT_PLANNING_VALUES, metricType: "mean", mean: "4" }, false).errors).toMatchObject({ standardDeviation: "A mean metric needs its variance." });
    expect(toPowerRequest({ ...DEFAULT_PLANNING_VALUES, effect: "abc" }, false).errors).toHaveProperty("effect");
  });
});

describe("planningHref", () => {
  it("carries the metric's type, expected effect and minimum sample size", () => {
    expect(planningHref({ name: "Sign-ups", metricType: "CONVERSION", expectedEffect: 0.05, minimumSampleSize: 20000 })).toBe("/planning?metric=Sign-ups&metricType=binomial&effect=0.05&minimumSampleSize=20000");
    expect(planningHref({ name: "Revenue", metricType: "REVENUE", expectedEffect: null, minimumSampleSize: null })).toBe("/planning?metric=Revenue&metricType=mean");
  });
});
