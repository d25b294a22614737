import { powerEndpoint } from "@/server/api/endpoints/analysis/analysis-endpoints";
import { nextRoute } from "@/server/api/next-adapter";

export const POST = nextRoute(powerEndpoint.handler());
