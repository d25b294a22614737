/** What experiment endpoints read from a request: path and query parameters, and the bodies' schemas. */
import { z } from "zod";
import {
  type ExperimentRef,
  changeExperimentStatusSchema,
  createExperimentSchema,
  experimentKeySchema,
  metricSchema,
  updateExperimentSchema,
  updateMetricSchema,
  updateVariantSchema,
  variantEditSchema,
  variantSchema,
} from "../../../services/experiments/experiment.schema";
import { named } from "../../openapi/endpoint-doc";
import type { ApiRequest } from "../../types";

/** Request bodies: the services' own schemas, under the names the OpenAPI document gives them. */
export const experimentRequests = {
  create: named("NewExperiment", createExperimentSchema),
  update: named("ExperimentChanges", updateExperimentSchema),
  status: named("StatusChange", changeExperimentStatusSchema),
  newVariant: named("NewVariant", variantSchema),
  variantEdit: named("VariantEdit", variantEditSchema),
  variantChanges: named("VariantChanges", updateVariantSchema),
  newMetric: named("NewMetric", metricSchema),
  metricChanges: named("MetricChanges", updateMetricSchema),
};

export const experimentPathSchema = z.object({ key: experimentKeySchema.describe("The experiment's key.") });
export const variantPathSchema = experimentPathSchema.extend({ variantId: z.uuid().describe("The variant's id.") });
export const metricPathSchema = experimentPathSchema.extend({ metricId: z.uuid().describe("The metric definition's id.") });

/** The experiment a request's path names; an unknown key is the service's 404. */
export function experimentRef(request: ApiRequest): ExperimentRef {
  return { key: request.params.key ?? "" };
}

export function pathParam(request: ApiRequest, name: string): string {
  return request.params[name] ?? "";
}

/** Query parameters as an object: a repeated parameter (`status=DRAFT&status=ACTIVE`) becomes an array. */
export function queryObject(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    query[name] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return query;
}
