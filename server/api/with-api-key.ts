import { getDatabaseHandle } from "@/db/app-database";
import type { DatabaseHandle } from "@/db/client";
import type { ApiKeyType } from "@/db/schema/enums";
import type { ServiceContext } from "../context";
import { Forbidden } from "../errors";
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
