import { createExperimentEndpoint } from "@/server/api/endpoints/experiments/create-experiment";
import { listExperimentsEndpoint } from "@/server/api/endpoints/experiments/list-experiments";
import { nextRoute } from "@/server/api/next-adapter";

export const GET = nextRoute(listExperimentsEndpoint.handler());
export const POST = nextRoute(createExperimentEndpoint.handler());
