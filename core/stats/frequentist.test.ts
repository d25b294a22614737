/**
 * Reference cases for the fixed-horizon Welch t-test, each number copied from the source named beside it.
 * R values: R 4.2.2 (Debian bookworm `r-base-core`), `t.test(x, y)` on the named built-in data sets, whose
 * sums are given here as R printed them.
 */
import { describe, expect, it } from "vitest";
import { analyseVariants } from "./analyse-variants";
import type { Difference } from "./effect";
import type { Sided } from "./interval";
import type { ArmTotals, MetricKind } from "./moments";
import { type Printed, printed, totalsFromMeanSd } from "./reference-case";

interface Case {
  source: string;
  kind: MetricKind;
  control: ArmTotals;
  treatment: ArmTotals;
  difference: Difference;
  sided?: Sided;
  alpha?: number;
  estimate?: Printed;
  ciLower?: Printed | null;
  ciUpper?: Printed | null;
  standardError?: Printed;
  pValue: Printed;
}

// GrowthBook's packages/stats/tests/frequentist/test_tests.py (TestTwoSidedTTest), printed to 5 decimals.
const gbControl = { users: 3407, sum: 1396.87, sumSquares: 52377.9767 };
const gbTreatment = { users: 3461, sum: 2422.7, sumSquares: 134698.29 };
// R's `sleep` data: group 2 as control, group 1 as treatment, so the effect is R's `x − y` with x = group 1.
const sleepControl = { users: 10, sum: 23.3, sumSquares: 90.37 };
const sleepTreatment = { users: 10, sum: 7.5, sumSquares: 34.43 };
// R's `mtcars$mpg`: automatic (am = 0) as control, manual (am = 1) as treatment; R's t.test(manual, automatic).
const autoMpg = { users: 19, sum: 325.8, sumSquares: 5851.2 };
const manualMpg = { users: 13, sum: 317.1, sumSquares: 8191.11 };

const cases: Case[] = [
  {
    source: "GrowthBook test_two_sided_ttest (relative)",
    kind: "mean", control: gbControl, treatment: gbTreatment, difference: "relative",
    estimate: printed(0.70732, 5), ciLower: printed(-0.03526, 5), ciUpper: printed(1.44989, 5), standardError: printed(0.37879, 5), pValue: printed(0.06191, 5),
  },
  {
    source: "GrowthBook test_two_sided_ttest_absolute",
    kind: "mean", control: gbControl, treatment: gbTreatment, difference: "absolute",
    estimate: printed(0.29, 5), ciLower: printed(0.04538, 5), ciUpper: printed(0.53462, 5), standardError: printed(0.12478, 5), pValue: printed(0.02016, 5),
  },
  {
    source: "GrowthBook test_two_sided_ttest_binom (14/28 vs 16/30)",
    kind: "binomial", control: { users: 28, sum: 14, sumSquares: 14 }, treatment: { users: 30, sum: 16, sumSquares: 16 }, difference: "relative",
    estimate: printed(0.06667, 5), ciLower: printed(-0.47767, 5), ciUpper: printed(0.61101, 5), standardError: printed(0.2717, 5), pValue: printed(0.80707, 5),
  },
  {
    source: "GrowthBook tests/test_gbstats.py test_get_metric_df_frequentist (dimension one), 9 decimals",
    kind: "mean", control: totalsFromMeanSd(100, 2.7, 1.1), treatment: totalsFromMeanSd(120, 2.5, 1), difference: "relative",
    estimate: printed(-0.074074074, 9), pValue: printed(0.145219005, 9),
  },
  {
    source: "R 4.2.2 t.test(extra ~ group, data = sleep), the example in ?t.test",
    kind: "mean", control: sleepControl, treatment: sleepTreatment, difference: "absolute",
    estimate: printed(-1.58, 12), ciLower: printed(-3.36548323071171, 12), ciUpper: printed(0.20548323071171, 12), pValue: printed(0.0793941401874, 12),
  },
  {
    source: "R 4.2.2 t.test(x, y, conf.level = 0.9) on sleep",
    kind: "mean", control: sleepControl, treatment: sleepTreatment, difference: "absolute", alpha: 0.1,
    ciLower: printed(-3.05338149733161, 12), ciUpper: printed(-0.106618502668394, 12), pValue: printed(0.0793941401873582, 12),
  },
  {
    source: "R 4.2.2 t.test(x, y, alternative = 'greater') on sleep",
    kind: "mean", control: sleepControl, treatment: sleepTreatment, difference: "absolute", sided: "greater",
    ciLower: printed(-3.05338149733161, 12), ciUpper: null, pValue: printed(0.960302929906321, 12),
  },
  {
    source: "R 4.2.2 t.test(x, y, alternative = 'less') on sleep",
    kind: "mean", control: sleepControl, treatment: sleepTreatment, difference: "absolute", sided: "less",
    ciLower: null, ciUpper: printed(-0.106618502668394, 12), pValue: printed(0.0396970700936791, 12),
  },
  {
    source: "R 4.2.2 t.test(manual, automatic) on mtcars$mpg",
    kind: "mean", control: autoMpg, treatment: manualMpg, difference: "absolute",
    ciLower: printed(3.20968418746996, 12), ciUpper: printed(11.2801943550402, 12), pValue: printed(0.00137363833307103, 12),
  },
  {
    source: "R 4.2.2 t.test(manual, automatic, alternative = 'greater', conf.level = 0.99) on mtcars$mpg",
    kind: "mean", control: autoMpg, treatment: manualMpg, difference: "absolute", sided: "greater", alpha: 0.01,
    ciLower: printed(2.3447638243316, 12), ciUpper: null, pValue: printed(0.000686819166535514, 12),
  },
];

function expectPrinted(actual: number | null, expected: Printed | null | undefined): void {
  if (expected === undefined) return;
  if (expected === null) return void expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  expect(actual!).toBeCloseTo(expected.value, expected.decimals);
}

describe("Welch t-test reproduces published values", () => {
  it.each(cases.map((c) => [c.source, c] as const))("%s", (_, c) => {
    const [, row] = analyseVariants(
      [
        { name: "control", isControl: true, ...c.control },
        { name: "treatment", ...c.treatment },
      ],
      { metricType: c.kind, difference: c.difference, sided: c.sided ?? "two", alpha: c.alpha ?? 0.05 },
    ).variants;
    expectPrinted(c.difference === "relative" ? row!.relativeEffect : row!.absoluteEffect, c.estimate);
    expectPrinted(row!.ciLower, c.ciLower);
    expectPrinted(row!.ciUpper, c.ciUpper);
    expectPrinted(row!.standardError, c.standardError);
    expectPrinted(row!.pValue, c.pValue);
  });
});
