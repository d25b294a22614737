/**
 * Experiments as the API answers with them (DESIGN §7): camelCase, dates as ISO-8601 strings. Each
 * serializer returns its schema's type, so the documented shape and the sent one cannot drift apart; the
 * endpoint tests also parse real answers with these schemas.
 */
import { z } from "zod";
import { AGGREGATION_METHODS, type AggregationMethod, EXPERIMENT_STATUSES, EXPERIMENT_TYPES, METRIC_TYPES } from "@/core/experiments/enums";
import type { ExperimentListRow, ExperimentPage } from "../../../services/experiments/list-experiments";
import type { StatusChangeResult } from "../../../services/experiments/change-experiment-status";
import type { ExperimentDetail, ExperimentOwner, MetricRow, VariantRow } from "../../../services/experiments/load-experiment";
import { named } from "../../openapi/endpoint-doc";

const instant = z.iso.datetime().describe("An ISO-8601 instant in UTC.");
const jsonObject = z.record(z.string(), z.unknown());

export const ownerJsonSchema = z.object({ id: z.uuid(), username: z.string(), fullName: z.string().nullable() });

export const variantJsonSchema = z.object({
  id: z.uuid(),
  experimentId: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  isControl: z.boolean(),
  trafficAllocation: z.number().describe("The share of the experiment's traffic, in percent (0 to 100)."),
  configuration: jsonObject.describe("What the SDK hands the application for this variant; split-URL variants hold `url`."),
  createdAt: instant,
  updatedAt: instant,
});

export const metricJsonSchema = z.object({
  id: z.uuid(),
  experimentId: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  eventName: z.string(),
  metricType: z.enum(METRIC_TYPES),
  isPrimary: z.boolean(),
  aggregationMethod: z.enum(AGGREGATION_METHODS).nullable(),
  minimumSampleSize: z.int().nullable(),
  expectedEffect: z.number().nullable(),
  eventValuePath: z.string().nullable(),
  lowerIsBetter: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
});

const experimentFields = {
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(EXPERIMENT_STATUSES),
  experimentType: z.enum(EXPERIMENT_TYPES),
  startDate: instant.nullable(),
  endDate: instant.nullable(),
  tags: z.array(z.string()),
  owner: ownerJsonSchema.nullable(),
  createdAt: instant,
  updatedAt: instant,
};

export const experimentJsonSchema = z.object({
  ...experimentFields,
  hypothesis: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  targetingRules: jsonObject.nullable().describe("A GrowthBook-style targeting condition; null enrols everyone."),
  metrics: jsonObject.nullable().describe("Free-form metric settings of the experiment."),
  variants: z.array(variantJsonSchema).describe("In bucket order."),
  metricDefinitions: z.array(metricJsonSchema),
});

export const experimentListItemJsonSchema = z.object({ ...experimentFields, variantCount: z.int() });

export const experimentPageJsonSchema = z.object({
  data: z.array(experimentListItemJsonSchema),
  page: z.int(),
  pageSize: z.int(),
  total: z.int().describe("Experiments matching the filters, over all pages."),
});

export const variantListJsonSchema = z.object({ data: z.array(variantJsonSchema) });
export const metricListJsonSchema = z.object({ data: z.array(metricJsonSchema) });

export const statusChangeJsonSchema = z.object({
  outcome: z
    .enum(["changed", "unchanged", "scheduled"])
    .describe("`scheduled`: a start asked for before the draft's future start date; it passed its guards and starts then."),
  experiment: experimentJsonSchema,
});

/** The components these schemas are published as. */
export const experimentBodies = {
  experiment: named("Experiment", experimentJsonSchema),
  page: named("ExperimentPage", experimentPageJsonSchema),
  variant: named("Variant", variantJsonSchema),
  variants: named("VariantList", variantListJsonSchema),
  metric: named("Metric", metricJsonSchema),
  metrics: named("MetricList", metricListJsonSchema),
  statusChange: named("StatusChangeResult", statusChangeJsonSchema),
  owner: named("ExperimentOwner", ownerJsonSchema),
  listItem: named("ExperimentListItem", experimentListItemJsonSchema),
};

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

function aggregationMethod(value: string | null): AggregationMethod | null {
  if (value === null) return null;
  const known = AGGREGATION_METHODS.find((method) => method === value);
  // The database's check constraint keeps the column to AGGREGATION_METHODS.
  if (!known) throw new Error(`metric has an unknown aggregation method "${value}"`);
  return known;
}

function ownerJson(owner: ExperimentOwner | null): z.output<typeof ownerJsonSchema> | null {
  return owner ? { id: owner.id, username: owner.username, fullName: owner.fullName } : null;
}

export function variantJson(row: VariantRow): z.output<typeof variantJsonSchema> {
  return {
    id: row.id,
    experimentId: row.experimentId,
    name: row.name,
    description: row.description,
    isControl: row.isControl,
    trafficAllocation: row.trafficAllocation,
    configuration: row.configuration,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function metricJson(row: MetricRow): z.output<typeof metricJsonSchema> {
  return {
    id: row.id,
    experimentId: row.experimentId,
    name: row.name,
    description: row.description,
    eventName: row.eventName,
    metricType: row.metricType,
    isPrimary: row.isPrimary,
    aggregationMethod: aggregationMethod(row.aggregationMethod),
    minimumSampleSize: row.minimumSampleSize,
    expectedEffect: row.expectedEffect,
    eventValuePath: row.eventValuePath,
    lowerIsBetter: row.lowerIsBetter,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

function commonJson(row: ExperimentDetail | ExperimentListRow) {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    status: row.status,
    experimentType: row.experimentType,
    startDate: isoOrNull(row.startDate),
    endDate: isoOrNull(row.endDate),
    tags: row.tags,
    owner: ownerJson(row.owner),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function experimentJson(detail: ExperimentDetail): z.output<typeof experimentJsonSchema> {
  return {
    ...commonJson(detail),
    hypothesis: detail.hypothesis,
    ownerId: detail.ownerId,
    targetingRules: detail.targetingRules,
    metrics: detail.metrics,
    variants: detail.variants.map(variantJson),
    metricDefinitions: detail.metricDefinitions.map(metricJson),
  };
}

export function experimentPageJson(page: ExperimentPage): z.output<typeof experimentPageJsonSchema> {
  return {
    data: page.rows.map((row) => ({ ...commonJson(row), variantCount: row.variantCount })),
    page: page.page,
    pageSize: page.pageSize,
    total: page.total,
  };
}

export function statusChangeJson(result: StatusChangeResult): z.output<typeof statusChangeJsonSchema> {
  return { outcome: result.outcome, experiment: experimentJson(result.experiment) };
}
