import { databaseHandle } from "@/db/app-database";
import type { Executor } from "@/db/client";
import { activeExperimentDefinitions, activeExperimentDefinitionsNow } from "../../cache/experiment-definitions";
import type { ExperimentDefinition } from "../../services/assignments/experiment-definition";
import { type AssignmentAnswer, assignUser, assignUserToExperiments } from "../../services/assignments/assign-user";
import { validate } from "../../services/validate";
import { Forbidden } from "../../errors";
import { keyFromQuery } from "../api-key-auth";
import { errorResponse } from "../error-response";
import type { ApiAnswer, ApiHandler, ApiResponse } from "../types";
import { type DatabaseSource, withApiKey } from "../with-api-key";
import { type AssignmentsRequest, assignmentsRequestSchema, redirectQuerySchema } from "./assignments.schema";

/** A listed key that is not an ACTIVE experiment: answered, not failed, so one stale key cannot break an SDK. */
function notRunning(key: string): AssignmentAnswer {
  return { experiment: key, inExperiment: false, variant: null, variantId: null, configuration: null, url: null, reason: "NOT_ACTIVE" };
}

/**
 * `POST /api/v1/assignments` (client and server keys): the variant of each listed experiment, or of
 * every ACTIVE one, for a user. Definitions come from memory; the database is touched only for the
 * sticky assignment rows.
 */
function assignmentsAnswer(keys: readonly string[], answers: readonly AssignmentAnswer[]): ApiResponse {
  const byKey = new Map(answers.map((answer) => [answer.experiment, answer]));
  return { status: 200, body: { assignments: keys.map((key) => byKey.get(key) ?? notRunning(key)) } };
}

/** The request's assignments; at once when memory can answer (returning users, users outside the traffic). */
function assign(db: Executor, input: AssignmentsRequest, active: ReadonlyMap<string, ExperimentDefinition>): ApiAnswer {
  const keys = input.experiments ?? [...active.keys()];
  const running = [...new Set(keys)].flatMap((key) => active.get(key) ?? []);
  // Every experiment of the request at once: one lookup and one batched write at most, not one per experiment.
  const answers = assignUserToExperiments(db, { experiments: running, userId: input.userId, context: input.context });
  return answers instanceof Promise ? answers.then((list) => assignmentsAnswer(keys, list)) : assignmentsAnswer(keys, answers);
}

export function assignmentsHandler(database: DatabaseSource = databaseHandle): ApiHandler {
  return withApiKey(
    ["client", "server", "admin"],
    (ctx, request) => {
      const input = validate(assignmentsRequestSchema, request.body ?? {});
      const active = activeExperimentDefinitionsNow();
      if (active) return assign(ctx.db, input, active);
      return activeExperimentDefinitions(ctx.handle).then((loaded) => assign(ctx.db, input, loaded));
    },
    database,
  );
}

/** Query parameters of `/r/{key}` that are not user attributes. */
const RESERVED_QUERY = new Set(["userId", "key"]);

/**
 * The user's attributes for targeting, from the query string (a link cannot send a body): every
 * parameter but `userId` and `key`, a string, or a list of strings when repeated (`?plan=pro&tag=a&tag=b`).
 */
function queryContext(params: URLSearchParams): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    if (RESERVED_QUERY.has(name)) continue;
    const values = params.getAll(name);
    context[name] = values.length === 1 ? values[0]! : values;
  }
  return context;
}

/**
 * `GET /r/{experimentKey}?userId=...[&attribute=value...]`: sends a split-URL experiment's user to
 * their variant's URL, and a user who is not enrolled to the control's URL (the original page). There is
 * no caller-chosen fallback: that would make us an open redirect. Browsers cannot send headers on a link,
 * so a client key may also come as `?key=`; other key types may not, since URLs end up in browser history
 * and server logs. The remaining query parameters are the user's attributes, for targeting.
 */
export function redirectHandler(database: DatabaseSource = databaseHandle): ApiHandler {
  const serve = (keyInQuery: boolean) =>
    withApiKey(
      ["client", "server", "admin"],
      async (ctx, request) => {
        if (keyInQuery && ctx.key.type !== "client") {
          throw new Forbidden(`Only client keys may be sent in the URL (?key=); send ${ctx.key.type} keys in the Authorization header.`);
        }
        const { userId, context } = validate(redirectQuerySchema, {
          userId: request.url.searchParams.get("userId") ?? undefined,
          context: queryContext(request.url.searchParams),
        });
        const key = request.params.experimentKey ?? "";
        const experiment = (await activeExperimentDefinitions(ctx.handle)).get(key);
        if (!experiment) return errorResponse(404, "not_found", `No active experiment "${key}".`);
        if (experiment.experimentType !== "SPLIT_URL") return errorResponse(409, "conflict", `Experiment "${key}" is not a split-URL experiment.`);
        const answer = await assignUser(ctx.db, { experiment, userId, context });
        const control = experiment.variants.find((v) => v.isControl);
        const fallback = typeof control?.configuration.url === "string" ? control.configuration.url : null;
        const target = answer.url ?? fallback;
        if (!target) return errorResponse(404, "not_found", `User "${userId}" is not in experiment "${key}" and its control has no URL.`);
        return { status: 302, headers: { location: target, "cache-control": "no-store" } };
      },
      database,
    );
  const withHeaderKey = serve(false);
  const withQueryKey = serve(true);
  return (request) => {
    const queryKey = request.url.searchParams.get("key");
    if (!queryKey || request.headers.get("authorization") || request.headers.get("x-api-key")) return withHeaderKey(request);
    return withQueryKey(keyFromQuery(request, queryKey));
  };
}
