import { evaluateFlag } from "@/core/flags/evaluate-flag";
import { databaseHandle } from "@/db/app-database";
import type { z } from "zod";
import { type FlagDefinitionsCache, flagDefinitionsCache } from "../../cache/flag-definitions";
import { validate } from "../../services/validate";
import { withCors } from "../cors";
import type { ApiHandler } from "../types";
import { type DatabaseSource, withApiKey } from "../with-api-key";
import { type flagAnswerSchema, flagEvaluationRequestSchema } from "./flag-evaluation.schema";

type FlagAnswer = z.output<typeof flagAnswerSchema>;

/**
 * `POST /api/v1/flags/evaluate` (client and server keys): the listed flags, or every flag, for one user,
 * from the in-memory definitions with the same `evaluateFlag` as OFREP and the "test a user" panel.
 */
export function flagEvaluationHandler(deps: { database?: DatabaseSource; cache?: () => FlagDefinitionsCache; now?: () => Date } = {}): ApiHandler {
  const cache = deps.cache ?? flagDefinitionsCache;
  return withCors(
    withApiKey(
      ["client", "server", "admin"],
      async (ctx, request) => {
        const input = validate(flagEvaluationRequestSchema, request.body ?? {});
        const definitions = await cache().definitions(ctx.handle);
        const now = deps.now?.() ?? new Date();
        const flags: Record<string, FlagAnswer> = {};
        for (const key of input.flags ?? definitions.flags.keys()) {
          const definition = definitions.flags.get(key);
          if (!definition) {
            flags[key] = { enabled: false, value: null, variant: null, reason: "ERROR", errorCode: "FLAG_NOT_FOUND" };
            continue;
          }
          const result = evaluateFlag({ flag: definition.flag, userId: input.userId, context: input.context ?? {}, override: definition.overrides.get(input.userId), now });
          flags[key] = { enabled: result.enabled, value: result.value === undefined ? null : result.value, variant: result.variant, reason: result.reason };
        }
        return { status: 200, body: { flags } };
      },
      deps.database ?? databaseHandle,
    ),
  );
}
