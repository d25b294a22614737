/**
 * `POST /api/v1/analysis` and `POST /api/v1/power` (DESIGN §7): any API key whose rights include reading
 * experiments (client, server, or an admin key's role), or the dashboard session. They only compute, so
 * they are served by Next like the management endpoints, not on the SDK fast path.
 */
import type { ServiceContext } from "../../../context";
import { type EndpointDoc, named } from "../../openapi/endpoint-doc";
import type { ApiRequest, ApiResponse } from "../../types";
import { analyseSummaryStatistics } from "../../../services/analysis/analyse-summary-statistics";
import { analysisRequestSchema, analysisResponseSchema, powerRequestSchema, powerResponseSchema } from "../../../services/analysis/analysis.schema";
import { planExperiment } from "../../../services/analysis/plan-experiment";
import { withKeyOrSession } from "../../with-api-key";
import type { EndpointDependencies, ManagementEndpoint } from "../experiments/management-endpoint";

/** Reached with any key type or a session; the service then checks the caller may read experiments. */
function readEndpoint(doc: Omit<EndpointDoc, "security">, run: (ctx: ServiceContext, request: ApiRequest) => Promise<ApiResponse>): ManagementEndpoint {
  return {
    doc: { ...doc, security: ["clientKey", "serverKey", "adminKey", "session"] },
    handler: (dependencies: EndpointDependencies = {}) => withKeyOrSession(["client", "server", "admin"], run, dependencies.sessionActor, dependencies.database),
  };
}

export const analysisEndpoint = readEndpoint(
  {
    operationId: "analyseSummaryStatistics",
    method: "POST",
    path: "/api/v1/analysis",
    summary: "Analyse an experiment from summary statistics",
    description:
      "Per-variant rows against the control from each variant's users, sum and sum of squares: Welch t-test (`frequentist`), always-valid confidence sequence (`sequential`) or Gaussian effect model (`bayesian`); relative or absolute; two- or one-sided; CUPED when every variant has `pre`; an SRM check when every variant has `weight`; adjusted p-values across the treatment rows. Impossible statistics answer 422 naming the field; degenerate data (zero variance, a zero control mean) give null fields with a `warning`. Methods: docs/statistics.md.",
    tags: ["Analysis"],
    body: named("AnalysisRequest", analysisRequestSchema),
    responses: { 200: { description: "A row per variant, the control first as given.", body: named("AnalysisResponse", analysisResponseSchema) } },
    errors: [400, 401, 403, 413, 422],
  },
  async (ctx, request) => ({ status: 200, body: await analyseSummaryStatistics(ctx, request.body) }),
);

export const powerEndpoint = readEndpoint(
  {
    operationId: "planExperiment",
    method: "POST",
    path: "/api/v1/power",
    summary: "Plan an experiment: power, users needed, minimum detectable effect",
    description:
      "GrowthBook's conventions: a relative effect, total users split equally over `variations`, the same variance in both arms, a normal approximation; `sequentialTuning` plans a sequential test. With `users`, answers `power`; without, `usersNeeded` (and `days` with `dailyUsers`). Always `mde`.",
    tags: ["Analysis"],
    body: named("PowerRequest", powerRequestSchema),
    responses: { 200: { description: "The plan.", body: named("PowerResponse", powerResponseSchema) } },
    errors: [400, 401, 403, 413, 422],
  },
  async (ctx, request) => ({ status: 200, body: await planExperiment(ctx, request.body) }),
);

export const analysisEndpoints: readonly ManagementEndpoint[] = [analysisEndpoint, powerEndpoint];
