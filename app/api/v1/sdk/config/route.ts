import { sdkConfigHandler } from "@/server/api/endpoints/sdk-config";
import { nextRoute } from "@/server/api/next-adapter";

// Production serves this on the fast path (server/api/routes.ts); this mount serves `next dev`.
export const GET = nextRoute(sdkConfigHandler());
