import { addMetricEndpoint } from "@/server/api/endpoints/experiments/add-metric";
import { listMetricsEndpoint } from "@/server/api/endpoints/experiments/list-metrics";
import { nextRoute } from "@/server/api/next-adapter";

export const GET = nextRoute(listMetricsEndpoint.handler());
export const POST = nextRoute(addMetricEndpoint.handler());
