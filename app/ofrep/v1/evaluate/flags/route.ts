import { corsPreflight } from "@/server/api/cors";
import { ofrepBulkHandler } from "@/server/api/endpoints/ofrep/ofrep-endpoints";
import { nextRoute } from "@/server/api/next-adapter";

// Production serves this on the fast path (server/api/routes.ts); this mount serves `next dev`.
export const POST = nextRoute(ofrepBulkHandler());
export const OPTIONS = nextRoute(corsPreflight());
