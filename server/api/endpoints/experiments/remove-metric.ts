import { removeMetric } from "../../../services/experiments/remove-metric";
import { managementEndpoint } from "./management-endpoint";
import { experimentRef, metricPathSchema, pathParam } from "./request-input";

export const removeMetricEndpoint = managementEndpoint(
  {
    operationId: "removeMetric",
    method: "DELETE",
    path: "/api/v1/experiments/{key}/metrics/{metricId}",
    summary: "Remove a metric definition",
    description: "Events stay, so a removed metric can be defined again without losing data. A running experiment left without a primary metric cannot resume.",
    tags: ["Metrics"],
    pathParams: metricPathSchema,
    responses: { 204: { description: "Removed." } },
    errors: [404],
  },
  async (ctx, request) => {
    await removeMetric(ctx, { experiment: experimentRef(request), metricId: pathParam(request, "metricId") });
    return { status: 204 };
  },
);
