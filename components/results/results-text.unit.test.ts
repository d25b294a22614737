import { describe, expect, it } from "vitest";
import type { ExperimentResults, MetricResult } from "@/server/services/results/results.schema";
import { forestScale, zeroBasedTicks } from "./axis-scale";
import { resultsCsv, resultsCsvFilename } from "./results-csv";
import {
  correctionText,
  formatEffect,
  formatInterval,
  formatMetricValue,
  formatChance,
  formatPValue,
  regressions,
  significanceBadge,
  srmText,
  verdictText,
  type VariantRow,
  worseVariants,
} from "./results-text";

function row(overrides: Partial<VariantRow>): VariantRow {
  return {
    variant: "Treatment",
    isControl: false,
    users: 1000,
    mean: 0.2,
    variance: 0.16,
    relativeEffect: 0.12,
    absoluteEffect: 0.024,
    ciLower: 0.03,
    ciUpper: 0.21,
    standardError: 0.046,
    pValue: 0.009,
    adjustedPValue: 0.018,
    chanceToWin: null,
    riskChooseControl: null,
    riskChooseTreatment: null,
    significant: true,
    ...overrides,
  };
}

const control = row({ variant: "Control", isControl: true, mean: 0.1, relativeEffect: null, absoluteEffect: null, ciLower: null, ciUpper: null, pValue: null, adjustedPValue: null, significant: null });

function metric(overrides: Partial<MetricResult> & { treatment?: Partial<VariantRow> } = {}): MetricResult {
  const { treatment, ...rest } = overrides;
  return {
    metric: "Signed up",
    metricId: "m1",
    metricType: "CONVERSION",
    isPrimary: true,
    lowerIsBetter: false,
    minimumSampleSize: null,
    enoughData: true,
    regression: false,
    variants: [control, row(treatment ?? {})],
    ...rest,
  };
}

const frequentist = { engine: "frequentist", difference: "relative", alpha: 0.05, control: "Control" } as const;

describe("formatting", () => {
  it("reads a conversion rate as a percentage and other means as numbers", () => {
    expect(formatMetricValue(0.1234, "CONVERSION")).toBe("12%");
    expect(formatMetricValue(0.0456, "CONVERSION")).toBe("4.6%");
    expect(formatMetricValue(12.345, "REVENUE")).toBe("12.3");
    expect(formatMetricValue(1234.5, "COUNT")).toBe("1,235");
    expect(formatMetricValue(null, "COUNT")).toBe("—");
  });

  it("signs effects, uses percentage points for absolute conversion changes", () => {
    expect(formatEffect(0.12, "relative", "CONVERSION")).toBe("+12%");
    expect(formatEffect(-0.034, "relative", "REVENUE")).toBe("−3.4%");
    expect(formatEffect(0.024, "absolute", "CONVERSION")).toBe("+2.4 pp");
    expect(formatEffect(-0.35, "absolute", "REVENUE")).toBe("−0.35");
    expect(formatEffect(0, "relative", "COUNT")).toBe("0%");
  });

  it("shows an open side of a one-sided interval as infinity", () => {
    expect(formatInterval({ ciLower: 0.03, ciUpper: 0.21 }, "relative", "CONVERSION")).toBe("+3% to +21%");
    expect(formatInterval({ ciLower: 0.03, ciUpper: null }, "relative", "CONVERSION")).toBe("+3% to +∞");
    expect(formatInterval({ ciLower: null, ciUpper: null }, "relative", "CONVERSION")).toBe("—");
  });

  it("floors tiny p-values", () => {
    expect(formatPValue(0.00001)).toBe("< 0.001");
    expect(formatPValue(0.0234)).toBe("0.023");
    expect(formatPValue(null)).toBe("—");
  });
});

describe("verdictText", () => {
  it("states a significant lift with its interval", () => {
    expect(verdictText(row({}), metric(), frequentist)).toEqual({
      text: "Treatment raised the conversion rate by 12% (95% CI +3% to +21%); this is statistically significant.",
      tone: "success",
    });
  });

  it("says no significant difference when the interval covers zero", () => {
    const treatment = row({ relativeEffect: 0.02, ciLower: -0.05, ciUpper: 0.09, significant: false });
    const verdict = verdictText(treatment, metric({ treatment }), frequentist);
    expect(verdict.tone).toBe("neutral");
    expect(verdict.text).toBe("Not statistically significant: Treatment measured the conversion rate 2% higher than Control (95% CI −5% to +9%), a difference chance alone could explain.");
  });

  it("counts the users still missing before the minimum sample size", () => {
    const treatment = row({ users: 120, significant: null });
    const verdict = verdictText(treatment, metric({ treatment, enoughData: false, minimumSampleSize: 1000 }), frequentist);
    expect(verdict).toEqual({ text: "Not enough data yet: 120 of 1,000 users in the smallest variant.", tone: "warning" });
  });

  it("respects lower-is-better: a significant rise is bad news, a fall is good news", () => {
    const rise = verdictText(row({}), metric({ lowerIsBetter: true }), frequentist);
    expect(rise.tone).toBe("danger");
    expect(rise.text).toContain("in the wrong direction (lower is better)");
    const fallRow = row({ relativeEffect: -0.1, ciLower: -0.18, ciUpper: -0.02 });
    const fall = verdictText(fallRow, metric({ lowerIsBetter: true, metricType: "DURATION", metric: "page load" }), frequentist);
    expect(fall).toEqual({ text: "Treatment lowered the mean page load by 10% (95% CI −18% to −2%); this is statistically significant.", tone: "success" });
  });

  it("names the interval and the chance to win for the Bayesian engine", () => {
    const treatment = row({ chanceToWin: 0.993 });
    const verdict = verdictText(treatment, metric({ treatment }), { ...frequentist, engine: "bayesian" });
    expect(verdict.text).toBe("Treatment raised the conversion rate by 12% (95% credible interval +3% to +21%); 99% chance to beat Control. Likely an improvement.");
    expect(formatChance(0.99999)).toBe("> 99.9%");
    expect(formatChance(0.00001)).toBe("< 0.1%");
    expect(formatChance(0.75)).toBe("75%");
  });

  it("uses the absolute scale when asked", () => {
    const verdict = verdictText(row({ ciLower: 0.004, ciUpper: 0.044 }), metric(), { ...frequentist, difference: "absolute" });
    expect(verdict.text).toBe("Treatment raised the conversion rate by 2.4 pp (95% CI +0.4 pp to +4.4 pp); this is statistically significant.");
  });
});

describe("badges, correction, SRM, guardrails", () => {
  it("colours by direction and lower-is-better", () => {
    expect(significanceBadge(row({}), { lowerIsBetter: false, enoughData: true }, "frequentist")).toEqual({ label: "Significant win", tone: "success" });
    expect(significanceBadge(row({}), { lowerIsBetter: true, enoughData: true }, "frequentist")).toEqual({ label: "Significant loss", tone: "danger" });
    expect(significanceBadge(row({ significant: false }), { lowerIsBetter: false, enoughData: true }, "frequentist")?.tone).toBe("neutral");
    expect(significanceBadge(row({}), { lowerIsBetter: false, enoughData: false }, "frequentist")?.label).toBe("Not enough data");
    expect(significanceBadge(control, { lowerIsBetter: false, enoughData: true }, "frequentist")).toBeNull();
  });

  it("states the correction with the number of comparisons", () => {
    const two = [metric(), metric({ isPrimary: false })];
    expect(correctionText({ correction: "holm", engine: "frequentist", metrics: two })).toBe("p-values adjusted for 2 comparisons with Holm.");
    expect(correctionText({ correction: "bh", engine: "sequential", metrics: [metric()] })).toBe("p-values adjusted for 1 comparison with Benjamini–Hochberg.");
  });

  it("explains a sample ratio mismatch in words, and stays silent otherwise", () => {
    const srm = { pValue: 0.00002, observed: { Control: 1100, Treatment: 900 }, expected: { Control: 1000, Treatment: 1000 } };
    expect(srmText(srm)).toMatch(/^Control has 1,100 users \(55%\) where 1,000 \(50%\) were expected; Treatment has 900 users \(45%\)/);
    expect(srmText({ ...srm, pValue: 0.2 })).toBeNull();
    expect(srmText({ ...srm, pValue: null })).toBeNull();
  });

  it("lists the metrics flagged as regressions", () => {
    expect(regressions({ metrics: [metric(), metric({ metric: "Errors", regression: true })] }).map((m) => m.metric)).toEqual(["Errors"]);
    expect(worseVariants(metric({ lowerIsBetter: true }))).toEqual(["Treatment"]);
    expect(worseVariants(metric())).toEqual([]);
    expect(worseVariants(metric({ lowerIsBetter: true, treatment: { significant: false } }))).toEqual([]);
  });
});

describe("resultsCsv", () => {
  const results: ExperimentResults = {
    experiment: "checkout",
    updatedAt: "2026-12-01T10:00:00.000Z",
    engine: "frequentist",
    difference: "relative",
    correction: "holm",
    alpha: 0.05,
    srm: { pValue: 0.5, observed: {}, expected: {} },
    metrics: [metric({ metric: '=HYPERLINK("x"), "quoted"' })],
  };

  it("writes one row per variant with raw numbers, quoted and formula-safe", () => {
    const lines = resultsCsv(results).trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^experiment,metric,metric_type,primary/);
    expect(lines[1]).toBe(`checkout,"'=HYPERLINK(""x""), ""quoted""",CONVERSION,true,false,Control,true,1000,0.1,0.16,frequentist,relative,,,,,,,,2026-12-01T10:00:00.000Z`);
    expect(lines[2]).toContain(",Treatment,false,1000,0.2,0.16,frequentist,relative,0.12,0.03,0.21,0.009,0.018,,true,");
  });

  it("puts the absolute effect in the effect column on the absolute scale", () => {
    expect(resultsCsv({ ...results, difference: "absolute" }).split("\r\n")[2]).toContain(",absolute,0.024,");
    expect(resultsCsvFilename({ experiment: "a/b c", engine: "bayesian", difference: "absolute" })).toBe("a_b_c-results-bayesian-absolute.csv");
  });
});

describe("forestScale", () => {
  it("always holds zero and every interval, with round ticks", () => {
    const scale = forestScale([{ effect: 0.12, lower: 0.03, upper: 0.21 }]);
    expect(scale.min).toBeLessThan(0);
    expect(scale.max).toBeGreaterThan(0.21);
    expect(scale.ticks).toEqual([0, 0.05, 0.1, 0.15, 0.2]);
    expect(scale.position(0)).toBeCloseTo((0 - scale.min) / (scale.max - scale.min), 12);
    expect(scale.position(10)).toBe(1);
  });

  it("runs open ends to the edge and survives a zero-width axis", () => {
    const open = forestScale([{ effect: -0.2, lower: null, upper: -0.1 }]);
    expect(open.ticks).toContain(0);
    expect(open.min).toBeLessThan(-0.2);
    const flat = forestScale([{ effect: 0, lower: 0, upper: 0 }]);
    expect(flat.max).toBeGreaterThan(flat.min);
  });

  it("puts chart axes on round ticks from zero that hold every value", () => {
    expect(zeroBasedTicks([0.1, 0.2])).toEqual([0, 0.05, 0.1, 0.15, 0.2]);
    expect(zeroBasedTicks([996, 1004])).toEqual([0, 500, 1000, 1500]);
    expect(zeroBasedTicks([-0.58, 0.19])).toEqual([-0.6, -0.4, -0.2, 0, 0.2]);
    expect(zeroBasedTicks([])).toEqual([0]);
  });
});
