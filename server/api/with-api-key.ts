import { getDatabaseHandle } from "@/db/app-database";
import type { DatabaseHandle } from "@/db/client";
import type { ApiKeyType } from "@/db/schema/enums";
import type { ServiceContext } from "../context";
import type { Actor } from "@/core/permissions/permissions";
import { Forbidden, Unauthenticated } from "../errors";
import { type ApiKeyPrincipal, authenticateApiKey, presentedKey } from "./api-key-auth";
import { toErrorResponse } from "./error-response";
import type { ApiHandler, ApiRequest, ApiResponse } from "./types";

export interface ApiContext extends ServiceContext {
  key: ApiKeyPrincipal;
  handle: DatabaseHandle;
}

const article = (t: string) => (t === "admin" ? "an" : "a");

/**
 * The one wrapper for API routes (STYLE.md): finds the key by hash, checks its type is allowed here,
 * runs the handler with a service context, and maps every error to the API's error shape.
 */
export function withApiKey(
  types: readonly ApiKeyType[],
  handler: (ctx: ApiContext, request: ApiRequest) => Promise<ApiResponse>,
  database: () => Promise<DatabaseHandle> = getDatabaseHandle,
): ApiHandler {
  return async (request) => {
    try {
      const handle = await database();
      const key = await authenticateApiKey(handle, presentedKey(request.headers));
      if (!types.includes(key.type)) {
        throw new Forbidden(`This endpoint needs ${types.map((t) => `${article(t)} ${t}`).join(" or ")} key; this is ${article(key.type)} ${key.type} key.`);
      }
      return await handler({ db: handle.db, handle, actor: key.actor, key }, request);
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
  handler: (ctx: ServiceContext, request: ApiRequest) => Promise<ApiResponse>,
  sessionActor: () => Promise<Actor | null> = async () => (await import("../auth/session")).getCurrentUser().then((u) => u?.actor ?? null),
  database: () => Promise<DatabaseHandle> = getDatabaseHandle,
): ApiHandler {
  const withKey = withApiKey(types, handler, database);
  const keyWanted = types.length === 1 ? `${article(types[0]!)} ${types[0]} API key` : "an API key";
  return async (request) => {
    if (presentedKey(request.headers)) return withKey(request);
    try {
      const actor = await sessionActor();
      if (!actor) throw new Unauthenticated(`Sign in, or send ${keyWanted} as \`Authorization: Bearer <key>\`.`);
      const handle = await database();
      return await handler({ db: handle.db, actor }, request);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** For management endpoints (DESIGN §7): an admin key, or the dashboard session. */
export function withAdminKeyOrSession(
  handler: (ctx: ServiceContext, request: ApiRequest) => Promise<ApiResponse>,
  sessionActor?: () => Promise<Actor | null>,
  database?: () => Promise<DatabaseHandle>,
): ApiHandler {
  return withKeyOrSession(["admin"], handler, sessionActor, database);
}
