/**
 * The engine's entry point: per-variant sufficient statistics and options in, the per-variant rows of
 * DESIGN §7 out (one control row, then a row per treatment against the control), with the chosen
 * multiple-testing correction across the treatment rows and the sample-ratio-mismatch check when weights are
 * given. Pure, so the API here and the results of stored events (the next issue) share it.
 */
import { type AnalysisOptions, DEFAULT_ANALYSIS_OPTIONS, InvalidAnalysisInput, type VariantTotals, analysisInputIssues } from "./analysis-input";
import { bayesianEffect } from "./bayesian";
import { cupedArm, cupedEffectMoments, pooledTheta } from "./cuped";
import { type EffectMoments, type NoEffect, OVERFLOW_WARNING, effectMoments, isNoEffect } from "./effect";
import { welchTTest } from "./frequentist";
import type { TestOutcome } from "./interval";
import { armMoments } from "./moments";
import { adjustPValues } from "./multiple-testing";
import { sequentialTest } from "./sequential";
import { SRM_THRESHOLD, sampleRatioMismatch } from "./srm";

export interface VariantRow {
  variant: string;
  isControl: boolean;
  users: number;
  mean: number | null;
  variance: number | null;
  relativeEffect: number | null;
  absoluteEffect: number | null;
  /** On the scale of `difference`; null when unbounded or undefined. */
  ciLower: number | null;
  ciUpper: number | null;
  standardError: number | null;
  pValue: number | null;
  adjustedPValue: number | null;
  chanceToWin: number | null;
  riskChooseControl: number | null;
  riskChooseTreatment: number | null;
  /** Null when no verdict may be given yet (degenerate data, or below the minimum sample size). */
  significant: boolean | null;
  warning?: string;
}

export interface AnalysisResult {
  variants: VariantRow[];
  srm?: { chiSquare: number; pValue: number; warning?: string };
}

type TreatmentOutcome = { effect: EffectMoments; absolute: number; relative: number | null } | NoEffect;

export function emptyEffectFields(): Omit<VariantRow, "variant" | "isControl" | "users" | "mean" | "variance"> {
  return {
    relativeEffect: null,
    absoluteEffect: null,
    ciLower: null,
    ciUpper: null,
    standardError: null,
    pValue: null,
    adjustedPValue: null,
    chanceToWin: null,
    riskChooseControl: null,
    riskChooseTreatment: null,
    significant: null,
  };
}

/** The effect of one treatment on the chosen scale, with the other scale's point estimate alongside. */
function treatmentEffect(control: VariantTotals, treatment: VariantTotals, options: AnalysisOptions): TreatmentOutcome {
  const kind = options.metricType;
  if (control.pre && treatment.pre) {
    const c = cupedArm(kind, { ...control, pre: control.pre });
    const t = cupedArm(kind, { ...treatment, pre: treatment.pre });
    const theta = pooledTheta({ ...control, pre: control.pre }, { ...treatment, pre: treatment.pre });
    const effect = cupedEffectMoments(c, t, theta, options.difference);
    if (isNoEffect(effect)) return effect;
    const absolute = t.post.mean - theta * t.preMean - (c.post.mean - theta * c.preMean);
    return { effect, absolute, relative: c.post.mean === 0 ? null : absolute / Math.abs(c.post.mean) };
  }
  const c = armMoments(kind, control);
  const t = armMoments(kind, treatment);
  const effect = effectMoments(c, t, options.difference);
  if (isNoEffect(effect)) return effect;
  const absolute = t.mean - c.mean;
  return { effect, absolute, relative: c.mean === 0 ? null : absolute / Math.abs(c.mean) };
}

function frequentistOutcome(effect: EffectMoments, users: number, options: AnalysisOptions): TestOutcome {
  return options.engine === "sequential"
    ? sequentialTest(effect, users, options.alpha, options.sided, options.sequentialTuning)
    : welchTTest(effect, options.alpha, options.sided);
}

/** A normal prior stated on the relative scale, moved to the absolute scale when that is what is analysed (GrowthBook's convention). */
function priorOnScale(options: AnalysisOptions, controlMean: number) {
  if (!options.prior || options.difference === "relative") return options.prior;
  return { mean: options.prior.mean * Math.abs(controlMean), variance: options.prior.variance * controlMean * controlMean };
}

export function analyseVariants(variants: readonly VariantTotals[], partialOptions: Partial<AnalysisOptions> & Pick<AnalysisOptions, "metricType">): AnalysisResult {
  const options: AnalysisOptions = { ...DEFAULT_ANALYSIS_OPTIONS, ...partialOptions };
  const issues = analysisInputIssues(variants, options);
  if (issues.length > 0) throw new InvalidAnalysisInput(issues);
  const control = variants.find((variant) => variant.isControl)!;
  const controlMoments = armMoments(options.metricType, control);

  const rows: VariantRow[] = variants.map((variant) => {
    const moments = armMoments(options.metricType, variant);
    const base = {
      variant: variant.name,
      isControl: variant === control,
      users: variant.users,
      mean: variant.users > 0 ? moments.mean : null,
      variance: variant.users > 1 || (options.metricType === "binomial" && variant.users > 0) ? moments.variance : null,
      ...emptyEffectFields(),
    };
    if (variant === control) return base;
    const outcome = treatmentEffect(control, variant, options);
    if (isNoEffect(outcome)) return { ...base, warning: outcome.warning };
    const { effect } = outcome;
    const row: VariantRow = { ...base, absoluteEffect: outcome.absolute, relativeEffect: outcome.relative, standardError: Math.sqrt(effect.variance) };
    if (options.engine === "bayesian") {
      const bayes = bayesianEffect(effect, { prior: priorOnScale(options, controlMoments.mean), alpha: options.alpha, sided: options.sided, lowerIsBetter: options.lowerIsBetter });
      Object.assign(row, {
        ciLower: bayes.interval.lower,
        ciUpper: bayes.interval.upper,
        chanceToWin: bayes.chanceToWin,
        riskChooseControl: bayes.riskChooseControl,
        riskChooseTreatment: bayes.riskChooseTreatment,
      });
    } else {
      const test = frequentistOutcome(effect, control.users + variant.users, options);
      Object.assign(row, { ciLower: test.interval.lower, ciUpper: test.interval.upper, pValue: test.pValue });
    }
    return row;
  });

  rows.forEach((row, i) => (rows[i] = finiteOrWithdrawn(row)));
  const treatments = rows.filter((row) => !row.isControl);
  if (options.engine !== "bayesian") {
    const adjusted = adjustPValues(treatments.map((row) => row.pValue), options.correction);
    treatments.forEach((row, i) => (row.adjustedPValue = adjusted[i] ?? null));
  }
  for (const row of treatments) decideSignificance(row, control.users, options);

  const result: AnalysisResult = { variants: rows };
  if (variants.every((variant) => variant.weight !== undefined)) {
    const srm = sampleRatioMismatch(variants.map((variant) => variant.users), variants.map((variant) => variant.weight ?? 0));
    if (srm) {
      result.srm = srm.pValue < SRM_THRESHOLD
        ? { ...srm, warning: `Sample ratio mismatch: p = ${srm.pValue.toPrecision(2)} < ${SRM_THRESHOLD}. Users did not split as the weights expect; check assignment before trusting these results.` }
        : srm;
    }
  }
  return result;
}

/**
 * The last guard of "never NaN or Infinity in JSON": sums near the limits of double precision can overflow
 * on the way, and then the row's statistics are withdrawn with a reason instead of reported.
 */
function finiteOrWithdrawn(row: VariantRow): VariantRow {
  const numbers = [row.mean, row.variance, row.relativeEffect, row.absoluteEffect, row.ciLower, row.ciUpper, row.standardError, row.pValue, row.chanceToWin, row.riskChooseControl, row.riskChooseTreatment];
  if (numbers.every((value) => value === null || Number.isFinite(value))) return row;
  return {
    ...row,
    ...emptyEffectFields(),
    mean: Number.isFinite(row.mean) ? row.mean : null,
    variance: Number.isFinite(row.variance) ? row.variance : null,
    warning: OVERFLOW_WARNING,
  };
}

/** A verdict only when the data allow one and both arms have reached the minimum sample size (DESIGN §6). */
function decideSignificance(row: VariantRow, controlUsers: number, options: AnalysisOptions): void {
  if (row.standardError === null) return;
  const minimum = options.minimumSampleSize;
  if (minimum !== null && (row.users < minimum || controlUsers < minimum)) {
    row.significant = null;
    row.warning = `No verdict before ${minimum} users in both the control and this variant.`;
    return;
  }
  if (options.engine === "bayesian") {
    const chance = row.chanceToWin ?? 0.5;
    row.significant = chance > 1 - options.alpha || chance < options.alpha;
    return;
  }
  const p = row.adjustedPValue ?? row.pValue;
  row.significant = p !== null && p < options.alpha;
}
