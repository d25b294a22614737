import { listOverridesEndpoint, upsertOverrideEndpoint } from "@/server/api/endpoints/flags/override-endpoints";
import { nextRoute } from "@/server/api/next-adapter";

export const GET = nextRoute(listOverridesEndpoint.handler());
export const POST = nextRoute(upsertOverrideEndpoint.handler());
