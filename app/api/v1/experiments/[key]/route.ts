import { deleteExperimentEndpoint } from "@/server/api/endpoints/experiments/delete-experiment";
import { getExperimentEndpoint } from "@/server/api/endpoints/experiments/get-experiment";
import { updateExperimentEndpoint } from "@/server/api/endpoints/experiments/update-experiment";
import { nextRoute } from "@/server/api/next-adapter";

export const GET = nextRoute(getExperimentEndpoint.handler());
export const PATCH = nextRoute(updateExperimentEndpoint.handler());
export const DELETE = nextRoute(deleteExperimentEndpoint.handler());
