import { corsPreflight } from "./cors";
import { assignmentsHandler, redirectHandler } from "./endpoints/assignments";
import { eventsHandler } from "./endpoints/events";
import { flagEvaluationHandler } from "./endpoints/flag-evaluation";
import { ofrepBulkHandler, ofrepEventsHandler, ofrepFlagHandler } from "./endpoints/ofrep/ofrep-endpoints";
import { sdkConfigHandler } from "./endpoints/sdk-config";
import { errorResponse } from "./error-response";
import type { ApiHandler } from "./types";

/**
 * The SDK endpoints served on the fast path (DESIGN §8), matched before a request reaches Next.
 * Each handler is also mounted as a Next route handler under app/, so `next dev` serves the same.
 */
export interface FastRoute {
  method: string;
  pattern: RegExp;
  handler: ApiHandler;
}

export const fastRoutes: FastRoute[] = [
  { method: "POST", pattern: /^\/api\/v1\/assignments\/?$/, handler: assignmentsHandler() },
  { method: "GET", pattern: /^\/r\/(?<experimentKey>[^/]+)\/?$/, handler: redirectHandler() },
  { method: "POST", pattern: /^\/ofrep\/v1\/evaluate\/flags\/(?<key>[^/]+)\/?$/, handler: ofrepFlagHandler() },
  { method: "POST", pattern: /^\/ofrep\/v1\/evaluate\/flags\/?$/, handler: ofrepBulkHandler() },
  { method: "GET", pattern: /^\/ofrep\/v1\/events\/?$/, handler: ofrepEventsHandler() },
  { method: "POST", pattern: /^\/api\/v1\/flags\/evaluate\/?$/, handler: flagEvaluationHandler() },
  { method: "GET", pattern: /^\/api\/v1\/sdk\/config\/?$/, handler: sdkConfigHandler() },
  { method: "POST", pattern: /^\/api\/v1\/events\/?$/, handler: eventsHandler() },
  // Browser SDKs' preflights (DESIGN §7, CORS).
  { method: "OPTIONS", pattern: /^\/(?:ofrep\/v1\/(?:evaluate\/flags(?:\/[^/]+)?|events)|api\/v1\/flags\/evaluate)\/?$/, handler: corsPreflight() },
  { method: "OPTIONS", pattern: /^\/api\/v1\/events\/?$/, handler: corsPreflight() },
];

/** Answers a path whose percent-encoding is not UTF-8 (`/r/%E0`): decoding it would throw in the request listener. */
const malformedPath: ApiHandler = async () => errorResponse(400, "bad_request", "The URL's percent-encoding is malformed.");

export function matchFastRoute(method: string, path: string): { route: FastRoute; params: Record<string, string> } | null {
  for (const route of fastRoutes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) {
      try {
        const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
        return { route, params };
      } catch (error) {
        if (!(error instanceof URIError)) throw error;
        return { route: { ...route, handler: malformedPath }, params: {} };
      }
    }
  }
  return null;
}
