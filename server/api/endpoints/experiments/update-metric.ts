import type { UpdateMetricInput } from "../../../services/experiments/experiment.schema";
import { updateMetric } from "../../../services/experiments/update-metric";
import { experimentBodies, metricJson } from "./experiment-json";
import { managementEndpoint, unvalidated } from "./management-endpoint";
import { experimentRef, experimentRequests, metricPathSchema, pathParam } from "./request-input";

export const updateMetricEndpoint = managementEndpoint(
  {
    operationId: "updateMetric",
    method: "PATCH",
    path: "/api/v1/experiments/{key}/metrics/{metricId}",
    summary: "Change a metric definition",
    description: "Changes only the fields sent, checked on the metric as it will be (a CUSTOM metric stays complete).",
    tags: ["Metrics"],
    pathParams: metricPathSchema,
    body: experimentRequests.metricChanges,
    responses: { 200: { description: "The metric definition as it is now.", body: experimentBodies.metric } },
    errors: [400, 404, 413, 422],
  },
  async (ctx, request) => {
    const changes = unvalidated<UpdateMetricInput>(request.body);
    const metric = await updateMetric(ctx, { experiment: experimentRef(request), metricId: pathParam(request, "metricId"), changes });
    return { status: 200, body: metricJson(metric) };
  },
);
