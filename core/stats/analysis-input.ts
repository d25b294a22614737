/**
 * What an analysis takes (DESIGN §7, `POST /api/v1/analysis`), and the checks that tell impossible
 * statistics (refused, naming the field) from degenerate ones (answered with null fields and a warning).
 */
import type { NormalPrior } from "./bayesian";
import type { Difference } from "./effect";
import type { Sided } from "./interval";
import type { ArmTotals, MetricKind } from "./moments";
import type { Correction } from "./multiple-testing";

export type Engine = "frequentist" | "sequential" | "bayesian";

export interface VariantTotals extends ArmTotals {
  name: string;
  isControl?: boolean;
  /** The variant's expected share of users, for the sample-ratio-mismatch check. */
  weight?: number;
}

export interface AnalysisOptions {
  engine: Engine;
  metricType: MetricKind;
  alpha: number;
  sided: Sided;
  difference: Difference;
  sequentialTuning: number;
  prior: NormalPrior | null;
  correction: Correction;
  lowerIsBetter: boolean;
  /** Users each of control and treatment need before a row may be called significant. */
  minimumSampleSize: number | null;
}

export const DEFAULT_ANALYSIS_OPTIONS: Omit<AnalysisOptions, "metricType"> = {
  engine: "frequentist",
  alpha: 0.05,
  sided: "two",
  difference: "relative",
  sequentialTuning: 5000,
  prior: null,
  correction: "holm",
  lowerIsBetter: false,
  minimumSampleSize: null,
};

export interface InputIssue {
  path: (string | number)[];
  message: string;
}

/** Room for floating-point rounding in sums computed elsewhere (a database's double precision). */
const RELATIVE_TOLERANCE = 1e-9;

function belowBySignificantMargin(value: number, bound: number): boolean {
  return value < bound - RELATIVE_TOLERANCE * Math.max(1, Math.abs(bound));
}

function variantIssues(variant: VariantTotals, index: number, kind: MetricKind): InputIssue[] {
  const at = (...path: (string | number)[]) => ["variants", index, ...path];
  const { users, sum, sumSquares, pre } = variant;
  const numbers: [string[], number | undefined][] = [[["users"], users], [["sum"], sum], [["sumSquares"], sumSquares], [["pre", "sum"], pre?.sum], [["pre", "sumSquares"], pre?.sumSquares], [["pre", "sumProduct"], pre?.sumProduct], [["weight"], variant.weight]];
  const nonFinite = numbers.filter(([, value]) => value !== undefined && !Number.isFinite(value));
  // Nothing below means anything with a NaN or an infinity in it.
  if (nonFinite.length > 0) return nonFinite.map(([path]) => ({ path: at(...path), message: `${path.join(".")} must be a finite number.` }));
  const issues: InputIssue[] = [];
  if (!Number.isInteger(users) || users < 0) issues.push({ path: at("users"), message: "users must be a whole number, 0 or more." });
  if (sumSquares < 0) issues.push({ path: at("sumSquares"), message: "sumSquares cannot be negative." });
  if (kind === "binomial") {
    if (sum < 0) issues.push({ path: at("sum"), message: "sum (conversions) cannot be negative." });
    else if (sum > users) issues.push({ path: at("sum"), message: `sum (conversions) is ${sum}, more than the ${users} users.` });
  }
  if (users === 0 && (sum !== 0 || sumSquares !== 0)) issues.push({ path: at("sum"), message: "A variant with 0 users must have sum and sumSquares 0." });
  if (users > 0 && belowBySignificantMargin(sumSquares, (sum * sum) / users)) {
    issues.push({ path: at("sumSquares"), message: "sumSquares is below sum²/users, which no data can give." });
  }
  if (pre && users > 0) {
    if (pre.sumSquares < 0 || belowBySignificantMargin(pre.sumSquares, (pre.sum * pre.sum) / users)) {
      issues.push({ path: at("pre", "sumSquares"), message: "pre.sumSquares is below pre.sum²/users, which no data can give." });
    }
    // Cauchy–Schwarz: the centred cross-product cannot exceed the geometric mean of the centred squares.
    const cross = pre.sumProduct - (sum * pre.sum) / users;
    const bound = Math.sqrt(Math.max(0, sumSquares - (sum * sum) / users) * Math.max(0, pre.sumSquares - (pre.sum * pre.sum) / users));
    if (Math.abs(cross) > bound + RELATIVE_TOLERANCE * Math.max(1, bound, Math.abs(pre.sumProduct))) {
      issues.push({ path: at("pre", "sumProduct"), message: "pre.sumProduct implies a correlation beyond ±1, which no data can give." });
    }
  }
  if (variant.weight !== undefined && variant.weight < 0) issues.push({ path: at("weight"), message: "weight cannot be negative." });
  return issues;
}

/** Every reason the input cannot be analysed; empty when it can. */
export function analysisInputIssues(variants: readonly VariantTotals[], options: AnalysisOptions): InputIssue[] {
  const issues: InputIssue[] = [];
  if (!(options.alpha > 0 && options.alpha < 1)) issues.push({ path: ["alpha"], message: "alpha must be between 0 and 1 (exclusive)." });
  else if (options.engine === "sequential" && options.sided !== "two" && options.alpha >= 0.5) {
    issues.push({ path: ["alpha"], message: "A one-sided sequential test needs alpha below 0.5." });
  }
  if (!(options.sequentialTuning > 0)) issues.push({ path: ["sequentialTuning"], message: "sequentialTuning must be positive." });
  if (options.prior && !(options.prior.variance > 0)) issues.push({ path: ["prior", "variance"], message: "prior.variance must be positive." });
  if (variants.length < 2) issues.push({ path: ["variants"], message: "An analysis needs a control and at least one other variant." });
  const controls = variants.filter((variant) => variant.isControl).length;
  if (controls !== 1) issues.push({ path: ["variants"], message: controls === 0 ? "No variant is marked isControl." : `${controls} variants are marked isControl; exactly one must be.` });
  const names = new Set<string>();
  variants.forEach((variant, index) => {
    if (names.has(variant.name)) issues.push({ path: ["variants", index, "name"], message: `The name "${variant.name}" is used twice.` });
    names.add(variant.name);
    issues.push(...variantIssues(variant, index, options.metricType));
  });
  const withPre = variants.filter((variant) => variant.pre).length;
  if (withPre > 0 && withPre < variants.length) issues.push({ path: ["variants"], message: "pre must be given for every variant or for none." });
  const withWeight = variants.filter((variant) => variant.weight !== undefined).length;
  if (withWeight > 0 && withWeight < variants.length) issues.push({ path: ["variants"], message: "weight must be given for every variant or for none." });
  if (withWeight === variants.length && withWeight > 0 && !variants.some((variant) => (variant.weight ?? 0) > 0)) {
    issues.push({ path: ["variants"], message: "At least one weight must be positive." });
  }
  return issues;
}

/** Thrown by the engine when called with input `analysisInputIssues` would refuse. */
export class InvalidAnalysisInput extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
    this.name = "InvalidAnalysisInput";
  }
}
