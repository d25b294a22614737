import { getExperimentResults } from "../../../services/results/get-experiment-results";
import { type ResultsQuery, experimentResultsSchema, resultsQuerySchema } from "../../../services/results/results.schema";
import { named } from "../../openapi/endpoint-doc";
import { managementEndpoint, unvalidated } from "./management-endpoint";
import { experimentPathSchema, queryObject } from "./request-input";

export const getExperimentResultsEndpoint = managementEndpoint(
  {
    operationId: "getExperimentResults",
    method: "GET",
    path: "/api/v1/experiments/{key}/results",
    summary: "Read an experiment's results",
    description:
      "Per metric (primary first) each variant's users, mean and variance and, against the control, the effect with its interval, p-value or chance to win and a verdict, from the statistics stored by the last refresh (`updatedAt`; refreshed every minute while the experiment runs). Effects and intervals are relative unless `difference=absolute`; the correction applies across variants × metrics.",
    tags: ["Experiments"],
    pathParams: experimentPathSchema,
    query: resultsQuerySchema,
    responses: { 200: { description: "The results.", body: named("ExperimentResults", experimentResultsSchema) } },
    errors: [404, 422],
  },
  async (ctx, request) => ({
    status: 200,
    body: await getExperimentResults(ctx, { key: request.params.key ?? "", ...unvalidated<Partial<ResultsQuery>>(queryObject(request.url)) }),
  }),
);
