import { eq } from "drizzle-orm";
import { type VariantRow, analyseVariants, emptyEffectFields } from "@/core/stats/analyse-variants";
import { InvalidAnalysisInput, type VariantTotals } from "@/core/stats/analysis-input";
import { type MetricKind, armMoments } from "@/core/stats/moments";
import { adjustPValues } from "@/core/stats/multiple-testing";
import { SRM_THRESHOLD, sampleRatioMismatch } from "@/core/stats/srm";
import { experimentRefreshState } from "@/db/schema";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { findExperiment, loadMetrics, loadVariants } from "../experiments/load-experiment";
import { validate } from "../validate";
import { type ExperimentResults, type MetricResult, type ResultsQuery, resultsQuerySchema } from "./results.schema";
import { type StoredVariantStatistics, loadVariantStatistics } from "./stored-statistics";

const ALPHA = 0.05;

type MetricRow = Awaited<ReturnType<typeof loadMetrics>>[number];
type VariantDefinition = Awaited<ReturnType<typeof loadVariants>>[number];

/**
 * An experiment's results (DESIGN §7) from the stored statistics, never from raw events: per metric
 * (primary first) the engine's rows against the control, with the multiple-testing correction applied
 * across every treatment row of every metric, a verdict only from `minimumSampleSize` users per arm, the
 * guardrail flag, and the sample-ratio check on the assignments counted by the last refresh.
 */
export async function getExperimentResults(ctx: ServiceContext, input: { key: string } & Partial<ResultsQuery>): Promise<ExperimentResults> {
  authorize(ctx, "experiment", "read");
  const { key, ...rest } = input;
  const query = validate(resultsQuerySchema, rest);
  return ctx.db.transaction(async (tx) => {
    const experiment = await findExperiment(tx, { key });
    const [variantRows, metricRows, statistics, [state]] = await Promise.all([
      loadVariants(tx, experiment.id),
      loadMetrics(tx, experiment.id),
      loadVariantStatistics(tx, experiment.id),
      tx.select().from(experimentRefreshState).where(eq(experimentRefreshState.experimentId, experiment.id)),
    ]);
    const ordered = [...metricRows].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
    const metricResults = ordered.map((metric) => analyseMetric(metric, variantRows, statistics, query));
    applyCorrectionAcrossMetrics(metricResults, query);
    for (const result of metricResults) result.regression = isRegression(result);
    return {
      experiment: experiment.key,
      updatedAt: state?.refreshedAt.toISOString() ?? null,
      engine: query.engine,
      difference: query.difference,
      correction: query.correction,
      alpha: ALPHA,
      srm: sampleRatio(experiment.experimentType, variantRows, state?.assignedUsers ?? {}),
      metrics: metricResults,
    };
  });
}

function totalsFor(metric: MetricRow, variantRows: VariantDefinition[], statistics: StoredVariantStatistics[]): VariantTotals[] {
  return variantRows.map((variant) => {
    const stored = statistics.find((s) => s.metricId === metric.id && s.variantId === variant.id);
    if (!stored || stored.users === 0) return { name: variant.name, isControl: variant.isControl, users: 0, sum: 0, sumSquares: 0 };
    return { name: variant.name, isControl: variant.isControl, users: stored.users, sum: stored.sum, sumSquares: stored.sumSquares, pre: stored.pre };
  });
}

function withoutPre({ pre: _pre, ...totals }: VariantTotals): VariantTotals {
  return totals;
}

function analyseMetric(metric: MetricRow, variantRows: VariantDefinition[], statistics: StoredVariantStatistics[], query: ResultsQuery): MetricResult {
  const totals = totalsFor(metric, variantRows, statistics);
  const minimum = metric.minimumSampleSize;
  const base = {
    metric: metric.name,
    metricId: metric.id,
    metricType: metric.metricType,
    isPrimary: metric.isPrimary,
    lowerIsBetter: metric.lowerIsBetter,
    minimumSampleSize: minimum,
    enoughData: minimum === null || totals.every((t) => t.users >= minimum),
    regression: false,
  };
  const metricType = metric.metricType === "CONVERSION" ? "binomial" : "mean";
  if (totals.filter((t) => t.isControl).length !== 1) return { ...base, variants: totals.map(descriptiveRow(metricType)) };
  // CUPED only where every arm has its covariate; the correction is applied later, across metrics.
  const withPre = totals.every((t) => t.users === 0 || t.pre) ? totals : totals.map(withoutPre);
  const options = { metricType, engine: query.engine, difference: query.difference, correction: "none", alpha: ALPHA, lowerIsBetter: metric.lowerIsBetter, minimumSampleSize: minimum } as const;
  let variants: VariantRow[];
  try {
    variants = analyseVariants(withPre, options).variants;
  } catch (error) {
    // Stored sums can only be impossible through rounding in the CUPED cross-products; the unadjusted
    // analysis is still right, and says why it is unadjusted.
    if (!(error instanceof InvalidAnalysisInput) || withPre.every((t) => !t.pre)) throw error;
    const warning = `CUPED left out: ${error.message}`;
    variants = analyseVariants(totals.map(withoutPre), options).variants.map((row) => (row.isControl ? row : { ...row, warning: row.warning ?? warning }));
  }
  return { ...base, variants };
}

/** Users, mean and variance without effects, for an experiment that has no single control to compare to. */
function descriptiveRow(metricType: MetricKind) {
  return (totals: VariantTotals): VariantRow => {
    const moments = armMoments(metricType, totals);
    return {
      variant: totals.name,
      isControl: totals.isControl === true,
      users: totals.users,
      mean: totals.users > 0 ? moments.mean : null,
      variance: totals.users > 1 || (metricType === "binomial" && totals.users > 0) ? moments.variance : null,
      ...emptyEffectFields(),
    };
  };
}

/**
 * Holm or Benjamini–Hochberg over all treatment rows of all metrics (DESIGN §6: across variants × metrics),
 * then the verdicts the engine gave from raw p-values are re-decided on the adjusted ones. Rows without a
 * verdict (degenerate, or below the minimum sample size) keep none.
 */
function applyCorrectionAcrossMetrics(results: MetricResult[], query: ResultsQuery): void {
  if (query.engine === "bayesian") return;
  const rows = results.flatMap((result) => result.variants.filter((row) => !row.isControl));
  const adjusted = adjustPValues(rows.map((row) => row.pValue), query.correction);
  rows.forEach((row, i) => {
    row.adjustedPValue = adjusted[i] ?? null;
    if (row.significant !== null) row.significant = row.adjustedPValue !== null && row.adjustedPValue < ALPHA;
  });
}

/** A treatment significantly worse than control: down when higher is better, up when lower is. */
function isRegression(result: MetricResult): boolean {
  return result.variants.some((row) => {
    if (row.isControl || row.significant !== true || row.absoluteEffect === null) return false;
    return result.lowerIsBetter ? row.absoluteEffect > 0 : row.absoluteEffect < 0;
  });
}

/**
 * Assigned users per variant against the counts the traffic allocations expect (zero-weight arms left out).
 * A bandit's allocations change with every re-weighting, so no single split is expected and the check is
 * not run: its χ² against today's weights would flag every bandit that has learned anything.
 */
function sampleRatio(experimentType: string, variantRows: VariantDefinition[], assigned: Record<string, number>): ExperimentResults["srm"] {
  const observedCounts = variantRows.map((variant) => assigned[variant.id] ?? 0);
  const observed = Object.fromEntries(variantRows.map((variant, i) => [variant.name, observedCounts[i]!]));
  if (experimentType === "BANDIT") return { pValue: null, observed, expected: {}, note: "Not checked: a bandit's allocations change as it learns." };
  const weights = variantRows.map((variant) => variant.trafficAllocation);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const totalUsers = variantRows.reduce((sum, variant, i) => sum + (variant.trafficAllocation > 0 ? observedCounts[i]! : 0), 0);
  const expected = Object.fromEntries(variantRows.map((variant) => [variant.name, totalWeight > 0 ? (totalUsers * variant.trafficAllocation) / totalWeight : 0]));
  const srm = sampleRatioMismatch(observedCounts, weights);
  if (!srm) return { pValue: null, observed, expected };
  const warning =
    srm.pValue < SRM_THRESHOLD
      ? `Sample ratio mismatch: p = ${srm.pValue.toPrecision(2)} < ${SRM_THRESHOLD}. Users did not split as the traffic allocations expect; check assignment before trusting these results.`
      : undefined;
  return { pValue: srm.pValue, observed, expected, ...(warning ? { warning } : {}) };
}
