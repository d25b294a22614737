import { corsPreflight } from "./cors";
import { assignmentsHandler, redirectHandler } from "./endpoints/assignments";
import { flagEvaluationHandler } from "./endpoints/flag-evaluation";
import { ofrepBulkHandler, ofrepEventsHandler, ofrepFlagHandler } from "./endpoints/ofrep/ofrep-endpoints";
import { sdkConfigHandler } from "./endpoints/sdk-config";
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
  // Browser SDKs' preflights (DESIGN §7, CORS).
  { method: "OPTIONS", pattern: /^\/(?:ofrep\/v1\/(?:evaluate\/flags(?:\/[^/]+)?|events)|api\/v1\/flags\/evaluate)\/?$/, handler: corsPreflight() },
];

/** A path segment as sent; malformed percent-encoding (`%E0%A4%A`) is kept raw rather than thrown on, which would take the server down. */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function matchFastRoute(method: string, path: string): { route: FastRoute; params: Record<string, string> } | null {
  for (const route of fastRoutes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) {
      const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodedSegment(v)]));
      return { route, params };
    }
  }
  return null;
}
