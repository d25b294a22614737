import { z } from "zod";

/** `POST /api/v1/flags/evaluate` (DESIGN §7). Browser-safe: also feeds the OpenAPI document. */
export const flagEvaluationRequestSchema = z.object({
  userId: z.string({ error: "userId is required: the id of the user to evaluate for." }).min(1, "userId must not be empty.").max(256, "userId has at most 256 characters."),
  context: z.record(z.string(), z.unknown(), { error: "context must be an object of user attributes." }).optional(),
  flags: z.array(z.string().min(1), { error: "flags must be a list of flag keys." }).max(500, "Ask for at most 500 flags at once.").optional(),
});

export const flagAnswerSchema = z.object({
  enabled: z.boolean(),
  value: z.unknown().describe("The flag's value for the user; null when a multivariate flag is off (use your default)."),
  variant: z.string().nullable().describe('"on"/"off" for a boolean flag, the variant key for a multivariate one.'),
  reason: z
    .enum(["DISABLED", "TARGETING_MATCH", "SPLIT", "DEFAULT", "ERROR"])
    .describe("OpenFeature's resolution reasons. ERROR: the key is not a flag (`errorCode` FLAG_NOT_FOUND)."),
  errorCode: z.literal("FLAG_NOT_FOUND").optional(),
});

export const flagEvaluationResponseSchema = z.object({ flags: z.record(z.string(), flagAnswerSchema) });
