import { getExperimentResultsEndpoint } from "@/server/api/endpoints/experiments/get-experiment-results";
import { nextRoute } from "@/server/api/next-adapter";

export const GET = nextRoute(getExperimentResultsEndpoint.handler());
