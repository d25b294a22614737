import { changeExperimentStatusEndpoint } from "@/server/api/endpoints/experiments/change-experiment-status";
import { nextRoute } from "@/server/api/next-adapter";

export const POST = nextRoute(changeExperimentStatusEndpoint.handler());
