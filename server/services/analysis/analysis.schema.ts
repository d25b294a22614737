/**
 * The analysis and planning inputs and answers (DESIGN §7), shared by the API routes, the OpenAPI document
 * and the planning page's form. Impossible statistics are refused here with the field named, by the same
 * checks the engine applies (`core/stats/analysis-input.ts`).
 */
import { z } from "zod";
import { analysisInputIssues, DEFAULT_ANALYSIS_OPTIONS } from "@/core/stats/analysis-input";
import { analyseVariants } from "@/core/stats/analyse-variants";
import { planExperiment } from "@/core/stats/plan-experiment";

/** One call may compare up to 1,000 treatments with a control. */
export const MAX_ANALYSIS_VARIANTS = 1001;

const finite = z.number().describe("A finite number.");

const prePeriodSchema = z
  .object({
    sum: finite.describe("Σ of each user's metric in the pre-assignment window."),
    sumSquares: z.number().min(0).describe("Σ of its squares."),
    sumProduct: finite.describe("Σ of post × pre over the variant's users."),
  })
  .describe("Pre-period sums for CUPED; give them for every variant or none.");

const variantSchema = z.object({
  name: z.string().trim().min(1).max(200),
  isControl: z.boolean().optional().describe("Exactly one variant is the control."),
  users: z.number().int().min(0),
  sum: finite.describe("Σ of the metric over users; the number of conversions for a binomial metric."),
  sumSquares: z.number().min(0).describe("Σ of squares (equal to `sum` for a binomial metric)."),
  pre: prePeriodSchema.optional(),
  weight: z.number().min(0).optional().describe("Expected share of users; given for every variant, adds the SRM check."),
});

const analysisDefaults = { engine: "frequentist", metricType: "mean", difference: "relative", sided: "two", alpha: 0.05, correction: "holm" } as const;

const analysisExample = {
  engine: "frequentist",
  metricType: "mean",
  variants: [
    { name: "control", isControl: true, users: 3407, sum: 1396.87, sumSquares: 52377.9767, weight: 0.5 },
    { name: "treatment", users: 3461, sum: 2422.7, sumSquares: 134698.29, weight: 0.5 },
  ],
};

export const analysisRequestSchema = z
  .object({
    engine: z.enum(["frequentist", "sequential", "bayesian"]).default(DEFAULT_ANALYSIS_OPTIONS.engine),
    metricType: z.enum(["binomial", "mean"]),
    alpha: z.number().gt(0).lt(1).default(DEFAULT_ANALYSIS_OPTIONS.alpha),
    sided: z.enum(["two", "greater", "less"]).default(DEFAULT_ANALYSIS_OPTIONS.sided).describe("`greater`: H1 treatment > control."),
    difference: z.enum(["relative", "absolute"]).default(DEFAULT_ANALYSIS_OPTIONS.difference),
    sequentialTuning: z.number().positive().default(DEFAULT_ANALYSIS_OPTIONS.sequentialTuning).describe("N*: the total users at which the confidence sequence is tightest."),
    prior: z
      .object({ mean: finite, variance: z.number().positive() })
      .optional()
      .describe("Bayesian engine: a normal prior on the relative effect (a variance, not a standard deviation). Flat when absent."),
    correction: z.enum(["holm", "bh", "none"]).default(DEFAULT_ANALYSIS_OPTIONS.correction).describe("Across the treatment rows."),
    lowerIsBetter: z.boolean().default(false).describe("Bayesian engine: flips the chance to win and swaps the risks."),
    minimumSampleSize: z.number().int().min(0).optional().describe("No verdict (`significant: null`) before this many users in control and treatment."),
    variants: z.array(variantSchema).min(2).max(MAX_ANALYSIS_VARIANTS),
  })
  .superRefine((input, ctx) => {
    const options = { ...input, prior: input.prior ?? null, minimumSampleSize: input.minimumSampleSize ?? null };
    for (const issue of analysisInputIssues(input.variants, options)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  })
  .meta({ examples: [analysisExample] });

export type AnalysisRequest = z.output<typeof analysisRequestSchema>;

const nullableNumber = z.number().nullable();

export const analysisRowSchema = z.object({
  variant: z.string(),
  isControl: z.boolean(),
  users: z.number().int(),
  mean: nullableNumber,
  variance: nullableNumber,
  relativeEffect: nullableNumber.describe("(m_t − m_c)/|m_c|, CUPED-adjusted when `pre` is given; null on the control row."),
  absoluteEffect: nullableNumber,
  ciLower: nullableNumber.describe("On the `difference` scale; null when unbounded (one-sided) or undefined."),
  ciUpper: nullableNumber,
  standardError: nullableNumber,
  pValue: nullableNumber,
  adjustedPValue: nullableNumber,
  chanceToWin: nullableNumber,
  riskChooseControl: nullableNumber,
  riskChooseTreatment: nullableNumber,
  significant: z.boolean().nullable(),
  warning: z.string().optional().describe("Why effect fields are null, or why there is no verdict yet."),
});

export const analysisResponseSchema = z
  .object({
    engine: z.enum(["frequentist", "sequential", "bayesian"]),
    metricType: z.enum(["binomial", "mean"]),
    difference: z.enum(["relative", "absolute"]),
    sided: z.enum(["two", "greater", "less"]),
    alpha: z.number(),
    correction: z.enum(["holm", "bh", "none"]),
    variants: z.array(analysisRowSchema),
    srm: z.object({ chiSquare: z.number(), pValue: z.number(), warning: z.string().optional() }).optional(),
  })
  // The example answer is the engine's own answer to the request example, so the two always agree.
  .meta({ examples: [{ ...analysisDefaults, ...analyseVariants(analysisExample.variants, { metricType: "mean" }) }] });

const powerExample = { metricType: "binomial" as const, baseline: { mean: 0.1 }, effect: 0.05, alpha: 0.05, power: 0.8, variations: 2, dailyUsers: 5000 };

export const powerRequestSchema = z
  .object({
    metricType: z.enum(["binomial", "mean"]),
    baseline: z.object({
      mean: finite.describe("The control's mean, or conversion rate for a binomial metric."),
      variance: z.number().positive().optional().describe("Per-user variance of a mean metric (binomial: p(1 − p), not needed)."),
    }),
    effect: finite.describe("The relative effect to detect: 0.05 is +5%."),
    alpha: z.number().gt(0).lt(1).default(0.05),
    power: z.number().gt(0).lt(1).default(0.8),
    users: z.number().int().positive().optional().describe("Total users across all variations; answers `power` instead of `usersNeeded`."),
    variations: z.number().int().min(2).max(100).default(2),
    dailyUsers: z.number().positive().optional().describe("Expected users a day, across all variations; adds `days`."),
    sequentialTuning: z.number().positive().optional().describe("Plan a sequential test with this N*; fixed-horizon when absent."),
  })
  .superRefine((input, ctx) => {
    const { mean, variance } = input.baseline;
    if (input.metricType === "binomial" && !(mean > 0 && mean < 1)) ctx.addIssue({ code: "custom", path: ["baseline", "mean"], message: "A conversion rate must be between 0 and 1 (exclusive)." });
    if (input.metricType === "mean" && mean === 0) ctx.addIssue({ code: "custom", path: ["baseline", "mean"], message: "A relative effect needs a non-zero baseline mean." });
    if (input.metricType === "mean" && variance === undefined) ctx.addIssue({ code: "custom", path: ["baseline", "variance"], message: "A mean metric needs its variance." });
    if (input.effect === 0 || input.effect <= -1) ctx.addIssue({ code: "custom", path: ["effect"], message: "The effect must be non-zero and above −100%." });
    if (input.power <= input.alpha) ctx.addIssue({ code: "custom", path: ["power"], message: "Power must be greater than alpha." });
    if (input.users !== undefined && input.users < input.variations * 2) ctx.addIssue({ code: "custom", path: ["users"], message: "Each variation needs at least 2 users." });
  })
  .meta({ examples: [powerExample] });

export type PowerRequest = z.output<typeof powerRequestSchema>;
/** What a form holds before validation: defaults not yet applied. */
export type PowerRequestInput = z.input<typeof powerRequestSchema>;

export const powerResponseSchema = z
  .object({
    power: z.number().optional().describe("When `users` was given."),
    usersNeeded: z.number().int().nullable().optional().describe("When `users` was not given: total users across variations; null when unreachable."),
    days: z.number().int().nullable().optional(),
    mde: z.number().nullable().describe("The smallest relative effect reaching the target power with the given or needed users."),
    warning: z.string().optional(),
  })
  .meta({ examples: [planExperiment(powerExample)] });
