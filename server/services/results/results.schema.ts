/**
 * An experiment's results (DESIGN §7 `GET /api/v1/experiments/{key}/results`), shared by the API route,
 * the OpenAPI document and the Results tab. Numbers come from the stored per-variant statistics
 * (DESIGN §6), never from a scan of raw events at read time.
 */
import { z } from "zod";
import { analysisRowSchema } from "../analysis/analysis.schema";

export const resultsQuerySchema = z.object({
  engine: z.enum(["frequentist", "sequential", "bayesian"]).default("frequentist"),
  difference: z.enum(["relative", "absolute"]).default("relative"),
  correction: z.enum(["holm", "bh", "none"]).default("holm").describe("Across variants × metrics."),
});

export type ResultsQuery = z.output<typeof resultsQuerySchema>;

const metricResultSchema = z.object({
  metric: z.string().describe("The metric's name."),
  metricId: z.string(),
  metricType: z.enum(["CONVERSION", "REVENUE", "COUNT", "DURATION", "CUSTOM"]),
  isPrimary: z.boolean(),
  lowerIsBetter: z.boolean(),
  minimumSampleSize: z.number().int().nullable(),
  /** False until every variant has `minimumSampleSize` users: rows then carry no verdict. */
  enoughData: z.boolean(),
  /** True when a treatment moved significantly in the wrong direction (the guardrail view). */
  regression: z.boolean(),
  variants: z.array(analysisRowSchema),
});

export const experimentResultsSchema = z.object({
  experiment: z.string().describe("The experiment's key."),
  updatedAt: z.string().nullable().describe("When the stored statistics were last brought up to date (ISO-8601); null if never."),
  engine: z.enum(["frequentist", "sequential", "bayesian"]),
  difference: z.enum(["relative", "absolute"]),
  correction: z.enum(["holm", "bh", "none"]),
  alpha: z.number(),
  srm: z.object({
    pValue: z.number().nullable(),
    observed: z.record(z.string(), z.number().int()),
    expected: z.record(z.string(), z.number()),
    warning: z.string().optional(),
    note: z.string().optional().describe("Why the check was not run, when it was not (bandits)."),
  }),
  metrics: z.array(metricResultSchema).describe("The primary metric first."),
});

export type ExperimentResults = z.output<typeof experimentResultsSchema>;
export type MetricResult = z.output<typeof metricResultSchema>;

/** Daily history for the charts: one point per UTC day per variant, cumulative up to the end of that day. */
export const resultsHistorySchema = z.object({
  experiment: z.string(),
  metrics: z.array(
    z.object({
      metric: z.string(),
      metricId: z.string(),
      days: z.array(
        z.object({
          date: z.string().describe("YYYY-MM-DD (UTC)."),
          variants: z.array(
            z.object({
              variant: z.string(),
              isControl: z.boolean(),
              /** Users assigned that day (daily) and up to the end of that day (cumulative). */
              newUsers: z.number().int(),
              users: z.number().int(),
              mean: z.number().nullable(),
              /** Against control, cumulative, on the `difference` scale; null on the control row. */
              effect: z.number().nullable(),
              ciLower: z.number().nullable(),
              ciUpper: z.number().nullable(),
            }),
          ),
        }),
      ),
    }),
  ),
});

export type ResultsHistory = z.output<typeof resultsHistorySchema>;
