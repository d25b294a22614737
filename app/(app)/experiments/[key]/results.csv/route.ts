import { resultsCsv, resultsCsvFilename } from "@/components/results/results-csv";
import { can } from "@/core/permissions/permissions";
import { errorResponse, toErrorResponse } from "@/server/api/error-response";
import { toNextResponse } from "@/server/api/next-adapter";
import { sessionContext } from "@/server/auth/session";
import { getExperimentResults } from "@/server/services/results/get-experiment-results";
import { resultsQuerySchema } from "@/server/services/results/results.schema";

type Context = { params: Promise<{ key: string }> };

/**
 * The Results tab's "Export CSV": the same service and the same choices (engine, scale, correction) as
 * the page, for the signed-in user; errors in the API's shape (no session 401, no right 403, bad query 422).
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const ctx = await sessionContext();
    if (!ctx) return toNextResponse(errorResponse(401, "unauthenticated", "Sign in to export results."));
    if (!can(ctx.actor, "experiment", "read")) return toNextResponse(errorResponse(403, "forbidden", "You may not read experiments."));
    const query = resultsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) {
      return toNextResponse(errorResponse(422, "invalid", "Unknown results option.", { fields: Object.fromEntries(query.error.issues.map((i) => [i.path.join("."), [i.message]])) }));
    }
    const results = await getExperimentResults(ctx, { key: (await params).key, ...query.data });
    return new Response(resultsCsv(results), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${resultsCsvFilename(results)}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return toNextResponse(toErrorResponse(error));
  }
}
