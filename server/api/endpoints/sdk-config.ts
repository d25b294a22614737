import { databaseHandle } from "@/db/app-database";
import { activeExperimentDefinitions } from "../../cache/experiment-definitions";
import { type FlagDefinitionsCache, flagDefinitionsCache } from "../../cache/flag-definitions";
import type { ApiHandler } from "../types";
import { type DatabaseSource, withApiKey } from "../with-api-key";
import { etagMatches, jsonEtag } from "./ofrep/ofrep-answer";

/**
 * `GET /api/v1/sdk/config` (server keys): every ACTIVE flag, with its rules, variants and unexpired
 * overrides, and every ACTIVE experiment, for SDKs that evaluate locally (DESIGN §7). Served from the
 * in-memory definitions with an ETag, so a polling SDK gets 304 until something changes.
 */
export function sdkConfigHandler(deps: { database?: DatabaseSource; cache?: () => FlagDefinitionsCache } = {}): ApiHandler {
  const cache = deps.cache ?? flagDefinitionsCache;
  return withApiKey(
    ["server", "admin"],
    async (ctx, request) => {
      const [flagDefinitions, experiments] = await Promise.all([cache().definitions(ctx.handle), activeExperimentDefinitions(ctx.handle)]);
      const flags = [...flagDefinitions.flags.values()]
        .filter(({ flag }) => flag.status === "ACTIVE")
        .map(({ flag, overrides }) => ({
          ...flag,
          overrides: [...overrides].map(([userId, override]) => ({ userId, value: override.value, expiresAt: override.expiresAt?.toISOString() ?? null })),
        }));
      const body = { flags, experiments: [...experiments.values()] };
      const etag = jsonEtag(body);
      if (etagMatches(request.headers.get("if-none-match"), etag)) return { status: 304, headers: { etag } };
      return { status: 200, headers: { etag }, body };
    },
    deps.database ?? databaseHandle,
  );
}
