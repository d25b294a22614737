import { removeMetricEndpoint } from "@/server/api/endpoints/experiments/remove-metric";
import { updateMetricEndpoint } from "@/server/api/endpoints/experiments/update-metric";
import { nextRoute } from "@/server/api/next-adapter";

export const PATCH = nextRoute(updateMetricEndpoint.handler());
export const DELETE = nextRoute(removeMetricEndpoint.handler());
