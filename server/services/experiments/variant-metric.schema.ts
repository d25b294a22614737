/**
 * Input schemas for variants and metric definitions (re-exported by `experiment.schema.ts`). Browser-safe:
 * zod and pure `core/` code only.
 */
import { z } from "zod";
import { AGGREGATION_METHODS, METRIC_TYPES } from "@/core/experiments/enums";
import { parseEventValuePath } from "@/core/experiments/value-path";
import { UnparsedJson } from "@/core/json/json-syntax-error";

/** Free text: trimmed, and an empty string means "none" (stored as null). */
export function nullableText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .transform((value) => (value === "" ? null : value))
    .nullable();
}

/**
 * A JSON object (not an array, not a scalar): variant configurations, the experiment's metrics settings.
 * Form text that did not parse arrives as UnparsedJson, and the message says where it goes wrong.
 */
export const jsonObjectSchema = z.record(z.string(), z.json(), {
  error: (issue) => (issue.input instanceof UnparsedJson ? issue.input.message : 'Enter a JSON object, such as {"key": "value"}.'),
});

const variantFields = {
  name: z.string().trim().min(1, "Enter a name.").max(100, "A variant name has at most 100 characters."),
  description: nullableText(2_000),
  isControl: z.boolean(),
  trafficAllocation: z
    .number({ error: "Enter a percentage from 0 to 100." })
    .min(0, "Enter a percentage from 0 to 100.")
    .max(100, "Enter a percentage from 0 to 100."),
  configuration: jsonObjectSchema,
};

export const variantSchema = z.object({
  ...variantFields,
  description: variantFields.description.optional(),
  isControl: variantFields.isControl.default(false),
  configuration: jsonObjectSchema.default({}),
});
export type VariantInput = z.input<typeof variantSchema>;
export type VariantData = z.output<typeof variantSchema>;

export const updateVariantSchema = z.strictObject(variantFields).partial();
export type UpdateVariantInput = z.input<typeof updateVariantSchema>;
export type UpdateVariantData = z.output<typeof updateVariantSchema>;

const eventValuePathSchema = z
  .string()
  .trim()
  .max(500, "A value path has at most 500 characters.")
  .refine((path) => path === "" || parseEventValuePath(path) !== null, "Enter a path such as $.order.total or items[0].price.")
  .transform((path) => (path === "" ? null : path))
  .nullable();

const metricFields = {
  name: z.string().trim().min(1, "Enter a name.").max(200, "A metric name has at most 200 characters."),
  description: nullableText(2_000),
  eventName: z.string().trim().min(1, "Enter the event name.").max(200, "An event name has at most 200 characters."),
  metricType: z.enum(METRIC_TYPES, { error: `Choose one of ${METRIC_TYPES.join(", ")}.` }),
  isPrimary: z.boolean(),
  aggregationMethod: z.enum(AGGREGATION_METHODS, { error: `Choose one of ${AGGREGATION_METHODS.join(", ")}.` }).nullable(),
  minimumSampleSize: z.int("Enter a whole number.").min(0, "Enter 0 or more.").max(2_147_483_647, "Too large.").nullable(),
  expectedEffect: z.number({ error: "Enter a number." }).nullable(),
  eventValuePath: eventValuePathSchema,
  lowerIsBetter: z.boolean(),
};

interface CustomMetricFields {
  metricType: string;
  aggregationMethod?: string | null;
  eventValuePath?: string | null;
}

/** A CUSTOM metric aggregates a number read from each event (DESIGN §6): it needs both the how and the where. */
export function customMetricIssues(metric: CustomMetricFields): { field: "aggregationMethod" | "eventValuePath"; message: string }[] {
  if (metric.metricType !== "CUSTOM") return [];
  const issues: { field: "aggregationMethod" | "eventValuePath"; message: string }[] = [];
  if (metric.aggregationMethod == null) issues.push({ field: "aggregationMethod", message: "A custom metric needs an aggregation method." });
  if (metric.eventValuePath == null) issues.push({ field: "eventValuePath", message: "A custom metric needs the path of its value." });
  return issues;
}

export const metricSchema = z
  .object({
    ...metricFields,
    description: metricFields.description.optional(),
    isPrimary: metricFields.isPrimary.default(false),
    aggregationMethod: metricFields.aggregationMethod.optional(),
    minimumSampleSize: metricFields.minimumSampleSize.optional(),
    expectedEffect: metricFields.expectedEffect.optional(),
    eventValuePath: metricFields.eventValuePath.optional(),
    lowerIsBetter: metricFields.lowerIsBetter.default(false),
  })
  .superRefine((metric, ctx) => {
    for (const issue of customMetricIssues(metric)) ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message });
  });
export type MetricInput = z.input<typeof metricSchema>;
export type MetricData = z.output<typeof metricSchema>;

/** Partial: the CUSTOM rule is checked by the service on the metric as it will be after the change. */
export const updateMetricSchema = z.strictObject(metricFields).partial();
export type UpdateMetricInput = z.input<typeof updateMetricSchema>;
export type UpdateMetricData = z.output<typeof updateMetricSchema>;

/** Metric names are unique within an experiment: every metric sharing a name is named. */
export function metricNameIssues(metrics: readonly { name: string }[]): { index: number; message: string }[] {
  return metrics.flatMap((metric, index) =>
    metrics.some((other, otherIndex) => otherIndex !== index && other.name === metric.name)
      ? [{ index, message: `Another metric is already named "${metric.name}".` }]
      : [],
  );
}
