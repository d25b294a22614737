import { reweightBanditEndpoint } from "@/server/api/endpoints/experiments/reweight-bandit";
import { nextRoute } from "@/server/api/next-adapter";

export const POST = nextRoute(reweightBanditEndpoint.handler());
