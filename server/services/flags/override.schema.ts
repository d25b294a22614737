/**
 * Input schemas for per-user overrides (seed FeatureFlagOverride). Browser-safe. Whether a value fits the
 * flag (boolean or one of its variants' values) depends on the flag, so the service checks that with
 * `overrideValueProblem` from core/flags.
 */
import { z } from "zod";
import { nullableText } from "../experiments/experiment.schema";
import { listPageFields } from "../experiments/experiment-list.schema";
import { flagValueSchema, instantSchema } from "./flag.schema";

export const overrideUserIdSchema = z.string().trim().min(1, "Enter a user id.").max(200, "A user id has at most 200 characters.");

const overrideFields = {
  value: flagValueSchema,
  reason: nullableText(500).optional(),
  /** Absent or null: the override never expires. */
  expiresAt: instantSchema.nullable().optional(),
};

export const upsertOverrideSchema = z.object({ userId: overrideUserIdSchema, ...overrideFields });
export type UpsertOverrideInput = z.input<typeof upsertOverrideSchema>;

export const MAX_BULK_OVERRIDES = 1000;

/**
 * Many users, one value, reason and expiry. `userIds` is a list, or text as pasted from a spreadsheet
 * (one id per line, or separated by commas, semicolons or spaces); duplicates count once.
 */
export const bulkUpsertOverridesSchema = z.object({
  userIds: z
    .union([z.array(z.string()), z.string()], { error: "Enter user ids." })
    .transform((ids) => [...new Set((Array.isArray(ids) ? ids : ids.split(/[\s,;]+/)).map((id) => id.trim()).filter((id) => id !== ""))])
    .pipe(
      z
        .array(overrideUserIdSchema)
        .min(1, "Enter at least one user id.")
        .max(MAX_BULK_OVERRIDES, `Enter at most ${MAX_BULK_OVERRIDES} user ids at once.`),
    ),
  ...overrideFields,
});
export type BulkUpsertOverridesInput = z.input<typeof bulkUpsertOverridesSchema>;

export const OVERRIDE_STATES = ["all", "active", "expired"] as const;

export const listOverridesSchema = z.object({
  ...listPageFields,
  direction: listPageFields.direction.default("asc"),
  state: z.enum(OVERRIDE_STATES, { error: `Choose from ${OVERRIDE_STATES.join(", ")}.` }).default("all"),
  /** Matches user ids containing the text, case-insensitively. */
  search: z.string().trim().max(200, "Search for at most 200 characters.").optional(),
});
export type ListOverridesInput = z.input<typeof listOverridesSchema>;

/** The evaluation context a "test a user" request sends: a JSON object of attributes. */
export const testFlagSchema = z.object({
  userId: overrideUserIdSchema,
  context: z.record(z.string(), z.json(), { error: "Enter the context as a JSON object." }).default({}),
});
export type TestFlagInput = z.input<typeof testFlagSchema>;
