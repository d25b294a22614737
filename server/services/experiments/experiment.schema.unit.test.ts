import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AGGREGATION_METHODS, EXPERIMENT_STATUSES, EXPERIMENT_TYPES, METRIC_TYPES } from "@/core/experiments/enums";
import { experimentStatus, experimentType, metricType } from "@/db/schema";
import { createExperimentSchema, experimentRefSchema, instantSchema, updateExperimentSchema, updateMetricSchema, updateVariantSchema } from "./experiment.schema";
import { listExperimentsSchema } from "./experiment-list.schema";

describe("experiment schemas", () => {
  it("use the database's enum values", () => {
    expect(EXPERIMENT_STATUSES).toEqual(experimentStatus.enumValues);
    expect(EXPERIMENT_TYPES).toEqual(experimentType.enumValues);
    expect(METRIC_TYPES).toEqual(metricType.enumValues);
    expect(AGGREGATION_METHODS).toEqual(["sum", "average", "count", "min", "max"]);
  });

  it.each<[unknown, string | null]>([
    ["2030-01-31", "2030-01-31T00:00:00.000Z"],
    ["2030-01-31T09:00:00Z", "2030-01-31T09:00:00.000Z"],
    ["2030-01-31T09:00:00.250+02:00", "2030-01-31T07:00:00.250Z"],
    [new Date("2030-01-31T09:00:00Z"), "2030-01-31T09:00:00.000Z"],
    ["2030-01-31T09:00:00", null],
    ["2030-02-30", null],
    ["31/01/2030", null],
    [new Date("nope"), null],
    [1_900_000_000_000, null],
  ])("read the instant %j as %s", (input, iso) => {
    const result = instantSchema.safeParse(input);
    expect(result.success ? result.data.toISOString() : null).toBe(iso);
  });

  it("leave absent fields absent in partial updates", () => {
    expect(updateExperimentSchema.parse({})).toEqual({});
    expect(updateVariantSchema.parse({})).toEqual({});
    expect(updateMetricSchema.parse({})).toEqual({});
    expect(updateExperimentSchema.parse({ description: "", targetingRules: null })).toEqual({ description: null, targetingRules: null });
  });

  it("fill defaults on create", () => {
    expect(createExperimentSchema.parse({ key: "k", name: "N" })).toEqual({
      key: "k",
      name: "N",
      experimentType: "A_B",
      tags: [],
      variants: [],
      metricDefinitions: [],
    });
  });

  it("name an experiment by id or key", () => {
    expect(experimentRefSchema.parse({ key: "k" })).toEqual({ key: "k" });
    expect(experimentRefSchema.safeParse({ name: "k" }).success).toBe(false);
  });

  it("read list parameters from query strings", () => {
    expect(listExperimentsSchema.parse({ page: "3", pageSize: "50", status: "ACTIVE", type: ["A_B", "BANDIT"] })).toEqual({
      page: 3,
      pageSize: 50,
      sort: "updated",
      direction: "desc",
      status: ["ACTIVE"],
      type: ["A_B", "BANDIT"],
    });
  });

  it("generate JSON Schema for the OpenAPI document (Dates, which JSON cannot carry, become unconstrained)", () => {
    for (const schema of [createExperimentSchema, updateExperimentSchema, listExperimentsSchema]) {
      expect(() => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" })).not.toThrow();
    }
    const json = z.toJSONSchema(createExperimentSchema, { io: "input", unrepresentable: "any" }) as { required: string[] };
    expect(json.required.sort()).toEqual(["key", "name"]);
  });
});
