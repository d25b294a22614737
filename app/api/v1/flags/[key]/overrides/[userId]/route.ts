import { removeOverrideEndpoint } from "@/server/api/endpoints/flags/override-endpoints";
import { nextRoute } from "@/server/api/next-adapter";

export const DELETE = nextRoute(removeOverrideEndpoint.handler());
