import { deleteFlagEndpoint, getFlagEndpoint, updateFlagEndpoint } from "@/server/api/endpoints/flags/flag-endpoints";
import { nextRoute } from "@/server/api/next-adapter";

export const GET = nextRoute(getFlagEndpoint.handler());
export const PATCH = nextRoute(updateFlagEndpoint.handler());
export const DELETE = nextRoute(deleteFlagEndpoint.handler());
