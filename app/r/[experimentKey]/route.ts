import { redirectHandler } from "@/server/api/endpoints/assignments";
import { nextRoute } from "@/server/api/next-adapter";

// Production serves this on the fast path (server/api/routes.ts); this mount serves `next dev`.
export const GET = nextRoute(redirectHandler());
