import { getExperiment } from "../../../services/experiments/get-experiment";
import { experimentBodies, metricJson } from "./experiment-json";
import { managementEndpoint } from "./management-endpoint";
import { experimentPathSchema, experimentRef } from "./request-input";

export const listMetricsEndpoint = managementEndpoint(
  {
    operationId: "listMetrics",
    method: "GET",
    path: "/api/v1/experiments/{key}/metrics",
    summary: "List an experiment's metric definitions",
    tags: ["Metrics"],
    pathParams: experimentPathSchema,
    responses: { 200: { description: "The metric definitions.", body: experimentBodies.metrics } },
    errors: [404],
  },
  async (ctx, request) => {
    const experiment = await getExperiment(ctx, experimentRef(request));
    return { status: 200, body: { data: experiment.metricDefinitions.map(metricJson) } };
  },
);
