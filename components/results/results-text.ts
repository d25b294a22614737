/**
 * The words and numbers of the Results tab: how a metric's value, an effect and its interval read, and
 * the plain-language verdict a product manager decides from. Pure, so each sentence is unit-tested.
 */
import type { ExperimentResults, MetricResult } from "@/server/services/results/results.schema";

export type { MetricResult };
export type Engine = ExperimentResults["engine"];
export type Difference = ExperimentResults["difference"];
export type Correction = ExperimentResults["correction"];
export type MetricType = MetricResult["metricType"];
export type VariantRow = MetricResult["variants"][number];

export const ENGINE_LABELS: Record<Engine, string> = { frequentist: "Frequentist", sequential: "Sequential", bayesian: "Bayesian" };
export const DIFFERENCE_LABELS: Record<Difference, string> = { relative: "Relative", absolute: "Absolute" };

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** "2,000". */
export function formatCount(value: number): string {
  return integer.format(value);
}

/** Three significant digits at most, never exponent notation for everyday values: 12.3, 0.0457, 1,234. */
export function formatNumber(value: number): string {
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return integer.format(value);
  return new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 }).format(value);
}

/** A share as a percentage with one decimal below 10% and none above: 0.1234 → "12%", 0.0456 → "4.6%". */
export function formatPercent(value: number, signed = false): string {
  const percent = value * 100;
  const digits = Math.abs(percent) < 10 && percent !== 0 ? 1 : 0;
  const text = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(Math.abs(percent));
  const sign = percent < 0 ? "−" : signed && percent > 0 ? "+" : "";
  return `${sign}${text}%`;
}

/** The per-user value of a metric: a conversion rate reads as a percentage, everything else as a number. */
export function formatMetricValue(value: number | null, metricType: MetricType): string {
  if (value === null) return "—";
  return metricType === "CONVERSION" ? formatPercent(value) : formatNumber(value);
}

/**
 * An effect on the chosen scale, signed: relative is a percentage ("+12%"); an absolute change of a
 * conversion rate is in percentage points ("+1.2 pp"), of any other metric in its own unit ("+0.35").
 */
export function formatEffect(value: number | null, difference: Difference, metricType: MetricType): string {
  if (value === null) return "—";
  const sign = value < 0 ? "−" : value > 0 ? "+" : "";
  return `${sign}${effectSize(Math.abs(value), difference, metricType)}`;
}

/** An effect's size without its sign, for sentences that say the direction in words ("raised … by 12%"). */
export function effectSize(magnitude: number, difference: Difference, metricType: MetricType): string {
  if (difference === "relative") return formatPercent(magnitude);
  if (metricType === "CONVERSION") {
    const points = magnitude * 100;
    return `${new Intl.NumberFormat("en-US", { maximumFractionDigits: points < 10 ? 1 : 0 }).format(points)} pp`;
  }
  return formatNumber(magnitude);
}

/** "[+3% to +21%]"; an open side (one-sided tests) reads as "−∞" or "+∞". */
export function formatInterval(row: Pick<VariantRow, "ciLower" | "ciUpper">, difference: Difference, metricType: MetricType): string {
  if (row.ciLower === null && row.ciUpper === null) return "—";
  const lower = row.ciLower === null ? "−∞" : formatEffect(row.ciLower, difference, metricType);
  const upper = row.ciUpper === null ? "+∞" : formatEffect(row.ciUpper, difference, metricType);
  return `${lower} to ${upper}`;
}

/** A chance to win that never reads as a certainty: "> 99.9%", "< 0.1%", else a percentage. */
export function formatChance(value: number): string {
  if (value > 0.999) return "> 99.9%";
  if (value < 0.001) return "< 0.1%";
  return formatPercent(value);
}

/** "p < 0.001", "p = 0.023". */
export function formatPValue(value: number | null): string {
  if (value === null) return "—";
  if (value < 0.001) return "< 0.001";
  return value.toFixed(3);
}

/** What the interval is called, by engine: "95% CI", "95% always-valid CI", "95% credible interval". */
export function intervalName(engine: Engine, alpha: number): string {
  const level = `${formatNumber((1 - alpha) * 100)}%`;
  if (engine === "bayesian") return `${level} credible interval`;
  if (engine === "sequential") return `${level} always-valid CI`;
  return `${level} CI`;
}

/** The name of the value the metric averages per user, in a sentence. */
export function metricNoun(metric: Pick<MetricResult, "metric" | "metricType">): string {
  return metric.metricType === "CONVERSION" ? "the conversion rate" : `the mean ${metric.metric}`;
}

/** The smallest variant's users: the metric has enough data once every variant reaches the minimum. */
export function smallestVariant(metric: Pick<MetricResult, "variants">): number {
  return metric.variants.reduce((least, row) => Math.min(least, row.users), Number.POSITIVE_INFINITY);
}

export type Tone = "success" | "danger" | "neutral" | "warning";

/** Did this treatment move the metric the good way? Lower-is-better metrics turn the sign round. */
export function isImprovement(effect: number, lowerIsBetter: boolean): boolean {
  return lowerIsBetter ? effect < 0 : effect > 0;
}

/** The badge for one treatment row: significant good news, significant bad news, no verdict, or nothing yet. */
export function significanceBadge(row: VariantRow, metric: Pick<MetricResult, "lowerIsBetter" | "enoughData">, engine: Engine): { label: string; tone: Tone } | null {
  if (row.isControl) return null;
  const effect = row.absoluteEffect ?? row.relativeEffect;
  if (!metric.enoughData || row.significant === null || effect === null) return { label: "Not enough data", tone: "warning" };
  if (!row.significant) return { label: engine === "bayesian" ? "Inconclusive" : "Not significant", tone: "neutral" };
  return isImprovement(effect, metric.lowerIsBetter) ? { label: engine === "bayesian" ? "Likely better" : "Significant win", tone: "success" } : { label: engine === "bayesian" ? "Likely worse" : "Significant loss", tone: "danger" };
}

export interface VerdictContext {
  engine: Engine;
  difference: Difference;
  alpha: number;
  control: string;
}

/**
 * One sentence per treatment, in words a product manager can act on:
 * "Treatment raised the conversion rate by 12% (95% CI +3% to +21%); this is statistically significant."
 */
export function verdictText(row: VariantRow, metric: MetricResult, context: VerdictContext): { text: string; tone: Tone } {
  const minimum = metric.minimumSampleSize;
  if (!metric.enoughData && minimum !== null) {
    return { text: `Not enough data yet: ${formatCount(smallestVariant(metric))} of ${formatCount(minimum)} users in the smallest variant.`, tone: "warning" };
  }
  const effect = context.difference === "relative" ? row.relativeEffect : row.absoluteEffect;
  if (effect === null || row.significant === null) {
    return { text: row.warning ?? `Not enough data yet to compare ${row.variant} with ${context.control}.`, tone: "warning" };
  }
  const noun = metricNoun(metric);
  const verb = effect > 0 ? "raised" : effect < 0 ? "lowered" : "did not change";
  const size = effect === 0 ? "" : ` by ${effectSize(Math.abs(effect), context.difference, metric.metricType)}`;
  const interval = `${intervalName(context.engine, context.alpha)} ${formatInterval(row, context.difference, metric.metricType)}`;
  const measured = `${row.variant} ${verb} ${noun}${size} (${interval})`;
  const good = isImprovement(effect, metric.lowerIsBetter);
  if (context.engine === "bayesian") {
    const chance = row.chanceToWin === null ? "" : `; ${formatChance(row.chanceToWin)} chance to beat ${context.control}`;
    if (!row.significant) return { text: `${measured}${chance}. Not yet conclusive.`, tone: "neutral" };
    return { text: `${measured}${chance}${good ? "" : metric.lowerIsBetter ? ", and lower is better here" : ""}. ${good ? "Likely an improvement." : "Likely worse."}`, tone: good ? "success" : "danger" };
  }
  if (!row.significant) {
    const observed = effect === 0 ? `${row.variant} measured the same ${noun} as ${context.control}` : `${row.variant} measured ${noun} ${effectSize(Math.abs(effect), context.difference, metric.metricType)} ${effect > 0 ? "higher" : "lower"} than ${context.control}`;
    return { text: `Not statistically significant: ${observed} (${interval}), a difference chance alone could explain.`, tone: "neutral" };
  }
  const direction = good ? "" : metric.lowerIsBetter ? " in the wrong direction (lower is better)" : " in the wrong direction";
  return { text: `${measured}; this is statistically significant${direction}.`, tone: good ? "success" : "danger" };
}

/** "p-values adjusted for 4 comparisons with Holm." (treatments × metrics); nothing to say with one comparison and no correction. */
export function correctionText(results: Pick<ExperimentResults, "correction" | "engine" | "metrics">): string {
  const comparisons = results.metrics.reduce((sum, metric) => sum + metric.variants.filter((row) => !row.isControl).length, 0);
  if (results.engine === "bayesian") return `Chance to win is not adjusted for multiple comparisons (${formatCount(comparisons)} in this experiment).`;
  if (results.correction === "none") return `p-values are not adjusted for multiple comparisons (${formatCount(comparisons)} in this experiment).`;
  const method = results.correction === "holm" ? "Holm" : "Benjamini–Hochberg";
  return `p-values adjusted for ${formatCount(comparisons)} ${comparisons === 1 ? "comparison" : "comparisons"} with ${method}.`;
}

/** The SRM banner's words, or null when the split looks as planned (p ≥ 0.001 or no test possible). */
export function srmText(srm: ExperimentResults["srm"], threshold = 0.001): string | null {
  if (srm.pValue === null || srm.pValue >= threshold) return null;
  const total = Object.values(srm.observed).reduce((sum, users) => sum + users, 0);
  const parts = Object.keys(srm.observed).map((variant) => {
    const observed = srm.observed[variant] ?? 0;
    const expected = srm.expected[variant] ?? 0;
    const share = total > 0 ? observed / total : 0;
    const expectedShare = total > 0 ? expected / total : 0;
    return `${variant} has ${formatCount(observed)} users (${formatPercent(share)}) where ${formatCount(Math.round(expected))} (${formatPercent(expectedShare)}) were expected`;
  });
  return `${parts.join("; ")}. A split this far off by chance has p ${srm.pValue < 0.0001 ? "< 0.0001" : `= ${srm.pValue.toPrecision(2)}`}. Look for allocations changed while running, redirects or bots that reach one variant only, or users lost in tracking; until the cause is found, do not trust these results.`;
}

/** Metrics whose treatment moved significantly the wrong way (the Overview's guardrail banner). */
export function regressions(results: Pick<ExperimentResults, "metrics">): MetricResult[] {
  return results.metrics.filter((metric) => metric.regression);
}

/** The treatments that made this metric significantly worse (lower-is-better respected). */
export function worseVariants(metric: Pick<MetricResult, "variants" | "lowerIsBetter">): string[] {
  return metric.variants
    .filter((row) => !row.isControl && row.significant === true && row.absoluteEffect !== null && row.absoluteEffect !== 0 && !isImprovement(row.absoluteEffect, metric.lowerIsBetter))
    .map((row) => row.variant);
}
