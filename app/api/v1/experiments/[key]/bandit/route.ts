import { getBanditEndpoint, updateBanditSettingsEndpoint } from "@/server/api/endpoints/experiments/bandit";
import { nextRoute } from "@/server/api/next-adapter";

export const GET = nextRoute(getBanditEndpoint.handler());
export const PUT = nextRoute(updateBanditSettingsEndpoint.handler());
