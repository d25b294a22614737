import { databaseHandle } from "@/db/app-database";
import type { DatabaseHandle } from "@/db/client";
import type { ApiKeyType } from "@/db/schema/enums";
import type { ServiceContext } from "../context";
import type { Actor } from "@/core/permissions/permissions";
import { Forbidden, Unauthenticated, UnsupportedMediaType } from "../errors";
import { type ApiKeyPrincipal, authenticateApiKey, authenticateApiKeyNow, presentedKey } from "./api-key-auth";
import { toErrorResponse } from "./error-response";
import type { ApiAnswer, ApiHandler, ApiRequest, ApiResponse } from "./types";

export interface ApiContext extends ServiceContext {
  key: ApiKeyPrincipal;
  handle: DatabaseHandle;
}

const article = (t: string) => (t === "admin" ? "an" : "a");

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A cookie rides along on cross-site requests, so a write made with the dashboard session must prove
 * it comes from our own pages (OWASP CSRF Prevention Cheat Sheet, "Verifying origin with standard
 * headers"): browsers send `Origin` on every POST, PATCH and DELETE, and a page elsewhere cannot make
 * it ours. Requiring `application/json` also rules out HTML forms, which cannot send it.
 */
export function assertSameSiteJsonWrite(request: ApiRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  const host = request.headers.get("host") ?? request.url.host;
  let originHost: string | null = null;
  try {
    originHost = origin && origin !== "null" ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || originHost !== host || request.headers.get("sec-fetch-site") === "cross-site") {
    throw new Forbidden("Cross-site request refused: dashboard-session writes must come from this app's own pages (send an API key instead).");
  }
  const contentType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (request.method !== "DELETE" && contentType !== "application/json") throw new UnsupportedMediaType("Send the body as application/json.");
}

/** Where a handler finds the database: the handle itself once open (no turn waited), or a promise of it. */
export type DatabaseSource = () => DatabaseHandle | Promise<DatabaseHandle>;

/**
 * The one wrapper for API routes (STYLE.md): finds the key by hash, checks its type is allowed here,
 * runs the handler with a service context, and maps every error to the API's error shape. With the
 * database open and the key in memory, it answers in the same turn (the SDK fast path, DESIGN §8).
 */
export function withApiKey(
  types: readonly ApiKeyType[],
  handler: (ctx: ApiContext, request: ApiRequest) => ApiAnswer,
  database: DatabaseSource = databaseHandle,
): ApiHandler {
  const run = (handle: DatabaseHandle, key: ApiKeyPrincipal, request: ApiRequest): ApiAnswer => {
    if (!types.includes(key.type)) {
      throw new Forbidden(`This endpoint needs ${types.map((t) => `${article(t)} ${t}`).join(" or ")} key; this is ${article(key.type)} ${key.type} key.`);
    }
    const answer = handler({ db: handle.db, handle, actor: key.actor, key }, request);
    return answer instanceof Promise ? answer.catch(toErrorResponse) : answer;
  };
  const afterLookup = async (opening: DatabaseHandle | Promise<DatabaseHandle>, request: ApiRequest): Promise<ApiResponse> => {
    const handle = await opening;
    return run(handle, await authenticateApiKey(handle, presentedKey(request.headers)), request);
  };
  return (request) => {
    try {
      const handle = database();
      if (!(handle instanceof Promise)) {
        const key = authenticateApiKeyNow(handle, presentedKey(request.headers));
        if (key) return run(handle, key, request);
      }
      return afterLookup(handle, request).catch(toErrorResponse);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/**
 * A key of one of `types`, or, when no key is sent, the dashboard session of the browser calling (only
 * reachable through Next, where the session cookie is read). The actor is then the signed-in user and
 * services check their permissions as usual.
 */
export function withKeyOrSession(
  types: readonly ApiKeyType[],
  handler: (ctx: ServiceContext, request: ApiRequest) => ApiAnswer,
  sessionActor: () => Promise<Actor | null> = async () => (await import("../auth/session")).getCurrentUser().then((u) => u?.actor ?? null),
  database: DatabaseSource = databaseHandle,
): ApiHandler {
  const withKey = withApiKey(types, handler, database);
  const keyWanted = types.length === 1 ? `${article(types[0]!)} ${types[0]} API key` : "an API key";
  return async (request) => {
    if (presentedKey(request.headers)) return withKey(request);
    try {
      const actor = await sessionActor();
      if (!actor) throw new Unauthenticated(`Sign in, or send ${keyWanted} as \`Authorization: Bearer <key>\`.`);
      // Only a signed-in browser can be made to write cross-site: without a session there is nothing to forge.
      assertSameSiteJsonWrite(request);
      const handle = await database();
      return await handler({ db: handle.db, actor }, request);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** For management endpoints (DESIGN §7): an admin key, or the dashboard session. */
export function withAdminKeyOrSession(
  handler: (ctx: ServiceContext, request: ApiRequest) => ApiAnswer,
  sessionActor?: () => Promise<Actor | null>,
  database?: DatabaseSource,
): ApiHandler {
  return withKeyOrSession(["admin"], handler, sessionActor, database);
}
