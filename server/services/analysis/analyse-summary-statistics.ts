import { type AnalysisResult, analyseVariants } from "@/core/stats/analyse-variants";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { validate } from "../validate";
import { type AnalysisRequest, analysisRequestSchema } from "./analysis.schema";

export type AnalysisAnswer = Pick<AnalysisRequest, "engine" | "metricType" | "difference" | "sided" | "alpha" | "correction"> & AnalysisResult;

/**
 * Per-variant results from summary statistics (DESIGN §7, `POST /api/v1/analysis`), for teams whose events
 * live elsewhere. Pure computation: it reads and writes nothing, so it needs no transaction or audit row,
 * only the right to read experiments.
 */
export async function analyseSummaryStatistics(ctx: ServiceContext, input: unknown): Promise<AnalysisAnswer> {
  authorize(ctx, "experiment", "read");
  const request = validate(analysisRequestSchema, input);
  const result = analyseVariants(request.variants, { ...request, prior: request.prior ?? null, minimumSampleSize: request.minimumSampleSize ?? null });
  const { engine, metricType, difference, sided, alpha, correction } = request;
  return { engine, metricType, difference, sided, alpha, correction, ...result };
}
