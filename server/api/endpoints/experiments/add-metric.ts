import { addMetric } from "../../../services/experiments/add-metric";
import type { MetricInput } from "../../../services/experiments/experiment.schema";
import { experimentBodies, metricJson } from "./experiment-json";
import { managementEndpoint, unvalidated } from "./management-endpoint";
import { experimentPathSchema, experimentRef, experimentRequests } from "./request-input";

export const addMetricEndpoint = managementEndpoint(
  {
    operationId: "addMetric",
    method: "POST",
    path: "/api/v1/experiments/{key}/metrics",
    summary: "Add a metric definition",
    description: "Its name must be free within the experiment. A CUSTOM metric needs `aggregationMethod` and `eventValuePath`.",
    tags: ["Metrics"],
    pathParams: experimentPathSchema,
    body: experimentRequests.newMetric,
    responses: { 201: { description: "The new metric definition.", body: experimentBodies.metric } },
    errors: [400, 404, 413, 422],
  },
  async (ctx, request) => {
    const metric = await addMetric(ctx, { experiment: experimentRef(request), metric: unvalidated<MetricInput>(request.body) });
    return { status: 201, body: metricJson(metric) };
  },
);
