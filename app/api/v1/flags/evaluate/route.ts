import { corsPreflight } from "@/server/api/cors";
import { flagEvaluationHandler } from "@/server/api/endpoints/flag-evaluation";
import { nextRoute } from "@/server/api/next-adapter";

// Production serves this on the fast path (server/api/routes.ts); this mount serves `next dev`.
export const POST = nextRoute(flagEvaluationHandler());
export const OPTIONS = nextRoute(corsPreflight());
