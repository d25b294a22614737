import { corsPreflight } from "@/server/api/cors";
import { eventsHandler } from "@/server/api/endpoints/events";
import { nextRoute } from "@/server/api/next-adapter";

// Production serves this on the fast path (server/api/routes.ts); this mount serves `next dev`.
export const POST = nextRoute(eventsHandler());
export const OPTIONS = nextRoute(corsPreflight());
