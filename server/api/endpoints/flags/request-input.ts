/** What flag endpoints read from a request: the path's flag and user, and the bodies' schemas. */
import { z } from "zod";
import { changeFlagStatusSchema, createFlagSchema, type FlagRef, flagKeySchema, updateFlagSchema } from "../../../services/flags/flag.schema";
import { bulkUpsertOverridesSchema, upsertOverrideSchema } from "../../../services/flags/override.schema";
import { named } from "../../openapi/endpoint-doc";
import type { ApiRequest } from "../../types";

export const flagRequests = {
  create: named("NewFeatureFlag", createFlagSchema),
  update: named("FeatureFlagChanges", updateFlagSchema),
  status: named("FlagStatusChange", changeFlagStatusSchema),
  override: named("FlagOverrideWrite", z.union([upsertOverrideSchema, bulkUpsertOverridesSchema])),
};

export const flagPathSchema = z.object({ key: flagKeySchema.describe("The flag's key.") });
export const overridePathSchema = flagPathSchema.extend({ userId: z.string().describe("The user id the override is for.") });

export function flagRef(request: ApiRequest): FlagRef {
  return { key: request.params.key ?? "" };
}
