/**
 * OFREP on the SDK fast path (DESIGN §7, §8): `POST /ofrep/v1/evaluate/flags/{key}`,
 * `POST /ofrep/v1/evaluate/flags` and the OFREP 0.3.0 event stream `GET /ofrep/v1/events`. Definitions
 * come from memory (server/cache/flag-definitions); no request reads the database once they are loaded.
 */
import { databaseHandle } from "@/db/app-database";
import { type FlagDefinitionsCache, flagDefinitionsCache } from "../../../cache/flag-definitions";
import type { FlagDefinitions } from "../../../services/flags/load-flag-definitions";
import { keyFromQuery, presentedKey } from "../../api-key-auth";
import { withCors } from "../../cors";
import type { ApiHandler, ApiRequest, ApiResponse } from "../../types";
import { type DatabaseSource, withApiKey } from "../../with-api-key";
import { etagMatches, evaluateForOfrep, jsonEtag, type OfrepContext, readOfrepContext } from "./ofrep-answer";
import { eventStream } from "./ofrep-event-stream";

const SDK_KEYS = ["client", "server", "admin"] as const;

export interface OfrepDependencies {
  database?: DatabaseSource;
  cache?: () => FlagDefinitionsCache;
  now?: () => Date;
}

/** A body that is not JSON is OFREP's PARSE_ERROR; the key is part of a single flag's failure. */
function parseErrors(handler: ApiHandler): ApiHandler {
  handler.bodyError = (response, request) => ({
    status: response.status,
    headers: response.headers,
    body: {
      ...(request.params.key === undefined ? {} : { key: request.params.key }),
      errorCode: "PARSE_ERROR",
      errorDetails: (response.body as { error?: { message?: string } } | undefined)?.error?.message ?? "The request body could not be read.",
    },
  });
  return handler;
}

/** Unexpected failures (definitions that cannot be loaded) answer OFREP's 500 shape; the cause is logged. */
function generalError(error: unknown): ApiResponse {
  console.error(JSON.stringify({ level: "error", msg: "OFREP evaluation failed", error: error instanceof Error ? error.stack : String(error) }));
  return { status: 500, body: { errorDetails: "Flags could not be evaluated; try again shortly." } };
}

type Evaluate = (definitions: FlagDefinitions, context: Extract<OfrepContext, { ok: true }>, request: ApiRequest, now: Date) => ApiResponse;

/**
 * An OFREP evaluation endpoint: SDK keys, CORS, unreadable bodies as PARSE_ERROR, the context read first.
 * With the key and the definitions in memory, the answer is given in the turn the request arrived.
 */
function ofrepEndpoint(deps: OfrepDependencies, evaluate: Evaluate): ApiHandler {
  const cache = deps.cache ?? flagDefinitionsCache;
  const now = deps.now ?? (() => new Date());
  return withCors(
    parseErrors(
      withApiKey(
        SDK_KEYS,
        (ctx, request) => {
          const context = readOfrepContext(request.body);
          if (!context.ok) {
            const key = request.params.key;
            return { status: 400, body: { ...(key === undefined ? {} : { key }), errorCode: context.errorCode, errorDetails: context.errorDetails } };
          }
          const loaded = cache().peek();
          if (!loaded) {
            return cache()
              .definitions(ctx.handle)
              .then((definitions) => evaluate(definitions, context, request, now()))
              .catch(generalError);
          }
          try {
            return evaluate(loaded, context, request, now());
          } catch (error) {
            return generalError(error);
          }
        },
        deps.database ?? databaseHandle,
      ),
    ),
  );
}

export function ofrepFlagHandler(deps: OfrepDependencies = {}): ApiHandler {
  return ofrepEndpoint(deps, (definitions, context, request, now) => {
    const key = request.params.key ?? "";
    const definition = definitions.flags.get(key);
    if (!definition) return { status: 404, body: { key, errorCode: "FLAG_NOT_FOUND", errorDetails: `Flag "${key}" was not found.` } };
    const answer = evaluateForOfrep(key, definition, context.targetingKey, context.attributes, now);
    return "errorCode" in answer ? { status: 500, body: { errorDetails: answer.errorDetails } } : { status: 200, body: answer };
  });
}

/** Where the event stream is: this server, as the client reached it, with the key (EventSource cannot send headers). */
function eventStreamUrl(request: ApiRequest, version: string): string {
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const origin = proto === "https" || proto === "http" ? `${proto}://${request.url.host}` : request.url.origin;
  const query = new URLSearchParams({ version });
  const key = presentedKey(request.headers);
  if (key) query.set("key", key);
  return `${origin}/ofrep/v1/events?${query.toString()}`;
}

export function ofrepBulkHandler(deps: OfrepDependencies = {}): ApiHandler {
  return ofrepEndpoint(deps, (loaded, context, request, now) => {
    const flags = [...loaded.flags].map(([key, definition]) => evaluateForOfrep(key, definition, context.targetingKey, context.attributes, now));
    const etag = jsonEtag(flags);
    if (etagMatches(request.headers.get("if-none-match"), etag)) return { status: 304, headers: { etag } };
    return {
      status: 200,
      headers: { etag },
      body: {
        flags,
        eventStreams: [{ type: "sse", url: eventStreamUrl(request, loaded.version), inactivityDelaySec: 120 }],
        metadata: { version: loaded.version },
      },
    };
  });
}

export interface EventStreamDependencies extends OfrepDependencies {
  heartbeatMs?: number;
}

/**
 * `GET /ofrep/v1/events` (OFREP 0.3.0 event streams): Server-Sent Events telling SDKs to re-fetch. The key
 * may come as `?key=`, because browsers' EventSource sends no headers.
 */
export function ofrepEventsHandler(deps: EventStreamDependencies = {}): ApiHandler {
  const cache = deps.cache ?? flagDefinitionsCache;
  const handler = withApiKey(
    SDK_KEYS,
    async (ctx, request) => eventStream(cache(), ctx.handle, request.url.searchParams.get("version"), deps.heartbeatMs),
    deps.database ?? databaseHandle,
  );
  return withCors(async (request) => {
    const queryKey = request.url.searchParams.get("key");
    if (!queryKey || presentedKey(request.headers)) return handler(request);
    return handler(keyFromQuery(request, queryKey));
  });
}
