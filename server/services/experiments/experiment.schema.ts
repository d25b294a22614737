/**
 * Input schemas for experiments, their variants and metrics: the same objects validate forms in the browser,
 * the services, the API bodies, and generate the OpenAPI document. Browser-safe on purpose: this file imports
 * zod and pure `core/` code only.
 */
import { UnparsedJson } from "@/core/json/json-syntax-error";
import { z } from "zod";
import { validateCondition } from "@/core/conditions/validate-condition";
import type { Condition } from "@/core/conditions/condition";
import { EXPERIMENT_STATUSES, EXPERIMENT_TYPES } from "@/core/experiments/enums";
import { EXPERIMENT_KEY_MAX_LENGTH, EXPERIMENT_KEY_PATTERN } from "@/core/experiments/key";
import { variantSetProblems } from "@/core/experiments/variant-set";
import { jsonObjectSchema, metricSchema, metricNameIssues, nullableText, variantSchema } from "./variant-metric.schema";

export * from "./variant-metric.schema";

export const experimentKeySchema = z
  .string()
  .trim()
  .min(1, "Enter a key.")
  .max(EXPERIMENT_KEY_MAX_LENGTH, `A key has at most ${EXPERIMENT_KEY_MAX_LENGTH} characters.`)
  .regex(EXPERIMENT_KEY_PATTERN, "Use lower-case letters, digits, dashes and underscores, starting with a letter or digit.");

/** An ISO-8601 instant (`2030-01-31T09:00:00Z`, with an offset) or date (`2030-01-31`, midnight UTC), or a Date. */
export const instantSchema = z
  .union([z.date(), z.iso.datetime({ offset: true }), z.iso.date()], {
    error: "Enter a date as ISO-8601, such as 2030-01-31 or 2030-01-31T09:00:00Z.",
  })
  .transform((value) => new Date(value));

/** A GrowthBook targeting condition (DESIGN §5), checked by `validateCondition`; null enrols everyone. */
export const targetingRulesSchema = z.unknown().transform((value, ctx): Condition | null => {
  if (value === null) return null;
  if (value instanceof UnparsedJson) {
    ctx.issues.push({ code: "custom", input: value.text, message: `Targeting rules: ${value.message}` });
    return z.NEVER;
  }
  const result = validateCondition(value);
  if (!result.ok) {
    ctx.issues.push({ code: "custom", input: value, message: `Targeting rules: ${result.error}` });
    return z.NEVER;
  }
  // validateCondition has just checked the structure the type describes.
  return value as Condition;
});

export const tagsSchema = z
  .array(z.string().trim().min(1, "A tag cannot be empty.").max(50, "A tag has at most 50 characters."))
  .max(20, "An experiment has at most 20 tags.")
  .transform((tags) => [...new Set(tags)]);

/** The experiment's own fields, without defaults, so that `.partial()` leaves absent fields absent. */
const experimentFields = {
  key: experimentKeySchema,
  name: z.string().trim().min(1, "Enter a name.").max(200, "A name has at most 200 characters."),
  description: nullableText(10_000),
  hypothesis: nullableText(10_000),
  experimentType: z.enum(EXPERIMENT_TYPES, { error: `Choose one of ${EXPERIMENT_TYPES.join(", ")}.` }),
  ownerId: z.uuid("Choose an owner.").nullable(),
  startDate: instantSchema.nullable(),
  endDate: instantSchema.nullable(),
  tags: tagsSchema,
  targetingRules: targetingRulesSchema,
  metrics: jsonObjectSchema.nullable(),
};

export const MAX_VARIANTS = 50;
export const MAX_METRICS = 100;

export function dateOrderMessage(): string {
  return "The end date must be after the start date.";
}

export function datesInOrder(startDate: Date | null | undefined, endDate: Date | null | undefined): boolean {
  return startDate == null || endDate == null || endDate.getTime() > startDate.getTime();
}

export const createExperimentSchema = z
  .object({
    ...experimentFields,
    description: experimentFields.description.optional(),
    hypothesis: experimentFields.hypothesis.optional(),
    experimentType: experimentFields.experimentType.default("A_B"),
    ownerId: experimentFields.ownerId.optional(),
    startDate: experimentFields.startDate.optional(),
    endDate: experimentFields.endDate.optional(),
    tags: tagsSchema.default([]),
    targetingRules: targetingRulesSchema.optional(),
    metrics: experimentFields.metrics.optional(),
    variants: z.array(variantSchema).max(MAX_VARIANTS, `An experiment has at most ${MAX_VARIANTS} variants.`).default([]),
    metricDefinitions: z.array(metricSchema).max(MAX_METRICS, `An experiment has at most ${MAX_METRICS} metrics.`).default([]),
  })
  .superRefine((data, ctx) => {
    if (!datesInOrder(data.startDate, data.endDate)) ctx.addIssue({ code: "custom", path: ["endDate"], message: dateOrderMessage() });
    for (const problem of variantSetProblems(data.experimentType, data.variants)) {
      const path = problem.index === null ? ["variants"] : ["variants", problem.index, ...problem.field.split(".")];
      ctx.addIssue({ code: "custom", path, message: problem.message });
    }
    for (const issue of metricNameIssues(data.metricDefinitions)) {
      ctx.addIssue({ code: "custom", path: ["metricDefinitions", issue.index, "name"], message: issue.message });
    }
  });

export type CreateExperimentInput = z.input<typeof createExperimentSchema>;
export type CreateExperimentData = z.output<typeof createExperimentSchema>;

/**
 * A variant in an experiment edit: with the `id` of an existing variant it updates that variant; without
 * one it adds a variant. Existing variants missing from the list are removed.
 */
export const variantEditSchema = variantSchema.extend({ id: z.uuid("Unknown variant.").optional() });

/** A partial edit: absent fields stay as they are; `null` clears a nullable field. */
export const updateExperimentSchema = z
  .strictObject({
    ...experimentFields,
    variants: z.array(variantEditSchema).max(MAX_VARIANTS, `An experiment has at most ${MAX_VARIANTS} variants.`),
  })
  .partial()
  .superRefine((data, ctx) => {
    if (!datesInOrder(data.startDate, data.endDate)) ctx.addIssue({ code: "custom", path: ["endDate"], message: dateOrderMessage() });
  });

export type UpdateExperimentInput = z.input<typeof updateExperimentSchema>;
export type UpdateExperimentData = z.output<typeof updateExperimentSchema>;

/** Which experiment a service acts on: by id (the UI) or by key (the API, SDKs). */
export const experimentRefSchema = z.union([z.object({ id: z.string() }), z.object({ key: z.string() })], {
  error: "Name the experiment by id or key.",
});
export type ExperimentRef = z.input<typeof experimentRefSchema>;

export const duplicateExperimentSchema = z.object({
  key: experimentKeySchema.optional(),
  name: experimentFields.name.optional(),
});
export type DuplicateExperimentInput = z.input<typeof duplicateExperimentSchema>;

export const changeExperimentStatusSchema = z.object({
  status: z.enum(EXPERIMENT_STATUSES, { error: `Choose one of ${EXPERIMENT_STATUSES.join(", ")}.` }),
});
