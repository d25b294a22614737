import { createFlagEndpoint, listFlagsEndpoint } from "@/server/api/endpoints/flags/flag-endpoints";
import { nextRoute } from "@/server/api/next-adapter";

export const GET = nextRoute(listFlagsEndpoint.handler());
export const POST = nextRoute(createFlagEndpoint.handler());
