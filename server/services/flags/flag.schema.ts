/**
 * Input schemas for feature flags: the same objects validate the flag forms in the browser, the services,
 * the API bodies, and generate the OpenAPI document. Browser-safe: zod and pure `core/` code only.
 */
import { z } from "zod";
import type { Condition } from "@/core/conditions/condition";
import { FLAG_KEY_MAX_LENGTH, FLAG_KEY_PATTERN, FLAG_STATUSES } from "@/core/flags/flag-definition";
import { type DefinitionProblem, definitionProblems } from "@/core/flags/flag-values";
import { instantSchema, nullableText, targetingRulesSchema } from "../experiments/experiment.schema";

export { instantSchema };

export const flagKeySchema = z
  .string()
  .trim()
  .min(1, "Enter a key.")
  .max(FLAG_KEY_MAX_LENGTH, `A key has at most ${FLAG_KEY_MAX_LENGTH} characters.`)
  .regex(FLAG_KEY_PATTERN, "Use letters, digits, dots, dashes and underscores, starting with a letter or digit.")
  // `/api/v1/flags/evaluate` is the evaluation endpoint, so a flag of that key could not be read at `/api/v1/flags/{key}`.
  .refine((key) => key !== "evaluate", '"evaluate" is reserved; choose another key.');

const percentageSchema = z
  .number({ error: "Enter a percentage from 0 to 100." })
  .min(0, "Enter a percentage from 0 to 100.")
  .max(100, "Enter a percentage from 0 to 100.");

/**
 * A boolean, string, number or JSON object: OpenFeature's flag value types. Null is not a value (SDKs read
 * it as "no value"), and a list must be wrapped in an object, since OFREP's object values are objects.
 */
export const flagValueSchema = z
  .json({ error: "Enter a JSON value." })
  .refine((value) => value !== null, "Enter a value (null is not one).")
  .refine((value) => !Array.isArray(value), "Enter a boolean, string, number or object; wrap a list in an object.");

export const flagVariantSchema = z.object({
  key: z
    .string()
    .trim()
    .min(1, "Enter a key.")
    .max(50, "A variant key has at most 50 characters.")
    .regex(FLAG_KEY_PATTERN, "Use letters, digits, dots, dashes and underscores, starting with a letter or digit."),
  value: flagValueSchema,
  weight: percentageSchema,
});
export type FlagVariantInput = z.input<typeof flagVariantSchema>;

/** A rule's condition: GrowthBook syntax (DESIGN §5); null or `{}` matches everyone. */
const ruleConditionSchema = targetingRulesSchema.transform((condition): Condition => condition ?? {});

export const flagRuleSchema = z.object({
  /** Kept across edits so the "test a user" panel and audit diffs can name a rule; generated when missing. */
  id: z.string().trim().min(1, "A rule id cannot be empty.").max(100, "A rule id has at most 100 characters.").optional(),
  description: nullableText(500).optional(),
  condition: ruleConditionSchema,
  serve: z.string().trim().min(1, 'Serve "on", "off" or a variant key.').default("on"),
  rolloutPercentage: percentageSchema.nullable().optional(),
});
export type FlagRuleInput = z.input<typeof flagRuleSchema>;

export const MAX_FLAG_RULES = 100;
export const MAX_FLAG_VARIANTS = 50;

export const flagTagsSchema = z
  .array(z.string().trim().min(1, "A tag cannot be empty.").max(50, "A tag has at most 50 characters."))
  .max(20, "A flag has at most 20 tags.")
  .transform((tags) => [...new Set(tags)]);

/** The flag's own fields, without defaults, so that `.partial()` leaves absent fields absent. */
const flagFields = {
  key: flagKeySchema,
  name: z.string().trim().min(1, "Enter a name.").max(200, "A name has at most 200 characters."),
  description: nullableText(10_000),
  status: z.enum(FLAG_STATUSES, { error: `Choose one of ${FLAG_STATUSES.join(", ")}.` }),
  ownerId: z.uuid("Choose an owner.").nullable(),
  tags: flagTagsSchema,
  targetingRules: z.array(flagRuleSchema).max(MAX_FLAG_RULES, `A flag has at most ${MAX_FLAG_RULES} rules.`),
  rolloutPercentage: percentageSchema,
  /** Null (or absent) for a boolean flag; a list for a multivariate one. */
  variants: z.array(flagVariantSchema).max(MAX_FLAG_VARIANTS, `A flag has at most ${MAX_FLAG_VARIANTS} variants.`).nullable(),
};

/** Adds the definition's cross-field problems (weights, rule targets) as zod issues at their fields. */
export function addDefinitionIssues(problems: readonly DefinitionProblem[], ctx: z.RefinementCtx): void {
  for (const problem of problems) ctx.addIssue({ code: "custom", path: problem.field.split("."), message: problem.message });
}

export const createFlagSchema = z
  .object({
    ...flagFields,
    description: flagFields.description.optional(),
    status: flagFields.status.default("INACTIVE"),
    ownerId: flagFields.ownerId.optional(),
    tags: flagTagsSchema.default([]),
    targetingRules: flagFields.targetingRules.default([]),
    rolloutPercentage: percentageSchema.default(0),
    variants: flagFields.variants.default(null),
  })
  .superRefine((data, ctx) => {
    addDefinitionIssues(definitionProblems({ variants: data.variants, targetingRules: data.targetingRules.map((r, i) => ({ ...r, id: r.id ?? `#${i}` })) }), ctx);
  });
export type CreateFlagInput = z.input<typeof createFlagSchema>;
export type CreateFlagData = z.output<typeof createFlagSchema>;

/**
 * A partial edit: absent fields stay as they are; `null` clears a nullable field (`variants: null` makes
 * the flag boolean). The key is not here: it seeds every user's bucket and names the flag in SDKs, so it
 * never changes (a strict object rejects it with a clear message). Cross-field checks run in the service,
 * on the flag as it would be after the edit.
 */
export const updateFlagSchema = z.strictObject(flagFields, { error: (issue) => (issue.code === "unrecognized_keys" && issue.keys.includes("key") ? "A flag's key cannot change." : undefined) }).omit({ key: true }).partial();
export type UpdateFlagInput = z.input<typeof updateFlagSchema>;
export type UpdateFlagData = z.output<typeof updateFlagSchema>;

/** Which flag a service acts on: by id (the UI) or by key (the API, SDKs). */
export const flagRefSchema = z.union([z.object({ id: z.string() }), z.object({ key: z.string() })], {
  error: "Name the flag by id or key.",
});
export type FlagRef = z.input<typeof flagRefSchema>;

export const changeFlagStatusSchema = z.object({
  status: z.enum(FLAG_STATUSES, { error: `Choose one of ${FLAG_STATUSES.join(", ")}.` }),
});

export const duplicateFlagSchema = z.object({
  key: flagKeySchema.optional(),
  name: flagFields.name.optional(),
});
export type DuplicateFlagInput = z.input<typeof duplicateFlagSchema>;
