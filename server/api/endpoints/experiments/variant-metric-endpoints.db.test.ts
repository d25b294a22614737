import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { readyExperiment } from "../../../services/experiments/experiment-fixtures";
import { addMetricEndpoint } from "./add-metric";
import { addVariantEndpoint } from "./add-variant";
import { changeExperimentStatusEndpoint } from "./change-experiment-status";
import { createExperimentEndpoint } from "./create-experiment";
import { type TestKeys, call, mintKeys, writtenRows } from "./endpoint-test-kit";
import { metricJsonSchema, metricListJsonSchema, variantJsonSchema, variantListJsonSchema } from "./experiment-json";
import { listMetricsEndpoint } from "./list-metrics";
import { listVariantsEndpoint } from "./list-variants";
import { removeMetricEndpoint } from "./remove-metric";
import { removeVariantEndpoint } from "./remove-variant";
import { updateMetricEndpoint } from "./update-metric";
import { updateVariantEndpoint } from "./update-variant";

let h: DatabaseHandle;
let keys: TestKeys;
beforeAll(async () => {
  h = await createTestDatabase();
  keys = await mintKeys(h);
  for (const key of ["menu", "running"]) expect((await call(h, createExperimentEndpoint, { key: keys.admin, body: readyExperiment(key) })).status).toBe(201);
  expect((await call(h, changeExperimentStatusEndpoint, { key: keys.admin, params: { key: "running" }, body: { status: "ACTIVE" } })).status).toBe(200);
});
afterAll(() => h.close());

const as = (key: string, variantId?: string, metricId?: string) => ({
  key: keys.admin,
  params: { key, ...(variantId ? { variantId } : {}), ...(metricId ? { metricId } : {}) },
});
const fieldsOf = (body: unknown) => Object.keys((body as { error: { details: { fields: Record<string, string[]> } } }).error.details.fields).sort();

async function variantsOf(key: string) {
  return variantListJsonSchema.parse((await call(h, listVariantsEndpoint, as(key))).body).data;
}

async function metricsOf(key: string) {
  return metricListJsonSchema.parse((await call(h, listMetricsEndpoint, as(key))).body).data;
}

describe("variants", () => {
  it("lists an experiment's variants in bucket order; 404 for an unknown experiment", async () => {
    expect((await variantsOf("menu")).map((v) => v.name)).toEqual(["control", "treatment"]);
    expect((await call(h, listVariantsEndpoint, as("nope"))).status).toBe(404);
  });

  it("adds, changes and removes a variant", async () => {
    const [, treatment] = await variantsOf("menu");
    expect((await call(h, updateVariantEndpoint, { ...as("menu", treatment!.id), body: { trafficAllocation: 25 } })).status).toBe(200);

    const added = await call(h, addVariantEndpoint, { ...as("menu"), body: { name: "bold", trafficAllocation: 25, configuration: { weight: 700 } } });
    expect(added.status).toBe(201);
    const variant = variantJsonSchema.parse(added.body);
    expect(variant).toMatchObject({ name: "bold", isControl: false, trafficAllocation: 25, configuration: { weight: 700 }, description: null });

    const changed = await call(h, updateVariantEndpoint, { ...as("menu", variant.id), body: { description: "Bolder type" } });
    expect(variantJsonSchema.parse(changed.body)).toMatchObject({ id: variant.id, description: "Bolder type", trafficAllocation: 25 });

    expect(await call(h, removeVariantEndpoint, as("menu", variant.id))).toEqual({ status: 204 });
    expect((await variantsOf("menu")).map((v) => v.name)).toEqual(["control", "treatment"]);
  });

  it("answers 422 on the new variant's fields when the set would break, writing nothing", async () => {
    const before = await writtenRows(h);
    const tooMuch = await call(h, addVariantEndpoint, { ...as("menu"), body: { name: "control", trafficAllocation: 90 } });
    expect(tooMuch.status).toBe(422);
    expect(fieldsOf(tooMuch.body)).toEqual(["name", "trafficAllocation"]);
    const [control] = await variantsOf("menu");
    const unknownField = await call(h, updateVariantEndpoint, { ...as("menu", control!.id), body: { colour: "red", trafficAllocation: -1 } });
    expect(fieldsOf(unknownField.body)).toEqual(["_form", "trafficAllocation"]);
    expect(await writtenRows(h)).toEqual(before);
  });

  it("answers 404 for a variant the experiment does not have, whatever its id looks like", async () => {
    for (const variantId of [randomUUID(), "not-a-uuid"]) {
      expect((await call(h, updateVariantEndpoint, { ...as("menu", variantId), body: { name: "x" } })).status).toBe(404);
      expect((await call(h, removeVariantEndpoint, as("menu", variantId))).status).toBe(404);
    }
    const [control] = await variantsOf("menu");
    expect((await call(h, removeVariantEndpoint, as("running", control!.id))).status).toBe(404);
  });

  it("answers 409 when removing a variant of a running experiment", async () => {
    const [control] = await variantsOf("running");
    expect(await call(h, removeVariantEndpoint, as("running", control!.id))).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });
    expect(await variantsOf("running")).toHaveLength(2);
  });
});

describe("metrics", () => {
  it("lists an experiment's metric definitions; 404 for an unknown experiment", async () => {
    expect((await metricsOf("menu")).map((m) => [m.name, m.isPrimary])).toEqual([["Purchases", true]]);
    expect((await call(h, listMetricsEndpoint, as("nope"))).status).toBe(404);
  });

  it("adds, changes and removes a metric definition", async () => {
    const added = await call(h, addMetricEndpoint, {
      ...as("menu"),
      body: { name: "Basket value", eventName: "checkout", metricType: "CUSTOM", aggregationMethod: "sum", eventValuePath: "$.order.total" },
    });
    expect(added.status).toBe(201);
    const metric = metricJsonSchema.parse(added.body);
    expect(metric).toMatchObject({ name: "Basket value", aggregationMethod: "sum", eventValuePath: "$.order.total", isPrimary: false, lowerIsBetter: false });

    const changed = await call(h, updateMetricEndpoint, { ...as("menu", undefined, metric.id), body: { minimumSampleSize: 500, expectedEffect: 0.02 } });
    expect(metricJsonSchema.parse(changed.body)).toMatchObject({ minimumSampleSize: 500, expectedEffect: 0.02 });

    expect(await call(h, removeMetricEndpoint, as("menu", undefined, metric.id))).toEqual({ status: 204 });
    expect((await metricsOf("menu")).map((m) => m.name)).toEqual(["Purchases"]);
  });

  it("answers 422 for an incomplete or duplicate metric, writing nothing", async () => {
    const before = await writtenRows(h);
    const incomplete = await call(h, addMetricEndpoint, { ...as("menu"), body: { name: "Spend", eventName: "checkout", metricType: "CUSTOM" } });
    expect(incomplete.status).toBe(422);
    expect(fieldsOf(incomplete.body)).toEqual(["aggregationMethod", "eventValuePath"]);
    const duplicate = await call(h, addMetricEndpoint, { ...as("menu"), body: { name: "Purchases", eventName: "purchase", metricType: "COUNT" } });
    expect(fieldsOf(duplicate.body)).toEqual(["name"]);
    const [purchases] = await metricsOf("menu");
    const becomesCustom = await call(h, updateMetricEndpoint, { ...as("menu", undefined, purchases!.id), body: { metricType: "CUSTOM" } });
    expect(becomesCustom.status).toBe(422);
    expect(await writtenRows(h)).toEqual(before);
  });

  it("answers 404 for a metric the experiment does not have", async () => {
    expect((await call(h, updateMetricEndpoint, { ...as("menu", undefined, randomUUID()), body: { name: "x" } })).status).toBe(404);
    expect((await call(h, removeMetricEndpoint, as("menu", undefined, "42"))).status).toBe(404);
    expect((await call(h, addMetricEndpoint, { ...as("nope"), body: { name: "m", eventName: "e", metricType: "COUNT" } })).status).toBe(404);
  });
});
