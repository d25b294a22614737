import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { Forbidden, Invalid, NotFound } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { addMetric } from "./add-metric";
import { createExperiment } from "./create-experiment";
import { auditRows, readyExperiment } from "./experiment-fixtures";
import { getExperiment } from "./get-experiment";
import type { MetricRow } from "./load-experiment";
import { updateMetric } from "./update-metric";

let h: DatabaseHandle;
let purchases: MetricRow;
let revenue: MetricRow;
beforeAll(async () => {
  h = await createTestDatabase();
  purchases = (await createExperiment(systemContext(h.db), readyExperiment("host"))).metricDefinitions[0]!;
  revenue = await addMetric(systemContext(h.db), { experiment: { key: "host" }, metric: { name: "Revenue", eventName: "purchase", metricType: "REVENUE" } });
});
afterAll(() => h.close());

const host = { key: "host" };

async function refused(metricId: string, changes: Parameters<typeof updateMetric>[1]["changes"]): Promise<Invalid> {
  const before = await getExperiment(systemContext(h.db), host);
  const error = await updateMetric(systemContext(h.db), { experiment: host, metricId, changes }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Invalid);
  expect((await getExperiment(systemContext(h.db), host)).metricDefinitions).toEqual(before.metricDefinitions);
  return error as Invalid;
}

describe("updateMetric", () => {
  it("changes the given fields and audits before and after", async () => {
    const updated = await updateMetric(systemContext(h.db), { experiment: host, metricId: revenue.id, changes: { isPrimary: true, minimumSampleSize: 100, description: "" } });
    expect(updated).toMatchObject({ id: revenue.id, name: "Revenue", isPrimary: true, minimumSampleSize: 100, description: null });
    expect(await auditRows(h.db, revenue.id)).toMatchObject([
      { action: "metric.create" },
      { action: "metric.update", before: { isPrimary: false, minimumSampleSize: null }, after: { isPrimary: true, minimumSampleSize: 100 } },
    ]);
  });

  it("checks the CUSTOM rule on the metric as it will be", async () => {
    expect((await refused(revenue.id, { metricType: "CUSTOM", aggregationMethod: "sum" })).fieldErrors).toEqual({
      eventValuePath: ["A custom metric needs the path of its value."],
    });
    const custom = await updateMetric(systemContext(h.db), { experiment: host, metricId: revenue.id, changes: { metricType: "CUSTOM", aggregationMethod: "sum", eventValuePath: "amount" } });
    expect(custom).toMatchObject({ metricType: "CUSTOM", aggregationMethod: "sum", eventValuePath: "amount" });
    expect((await refused(revenue.id, { aggregationMethod: null })).fieldErrors).toEqual({ aggregationMethod: ["A custom metric needs an aggregation method."] });
  });

  it("refuses a name another metric has", async () => {
    expect((await refused(revenue.id, { name: "Purchases" })).fieldErrors).toEqual({ name: ['Another metric is already named "Purchases".'] });
  });

  it("answers NotFound for a metric of another experiment, Forbidden without experiment:update", async () => {
    const other = await createExperiment(systemContext(h.db), readyExperiment("other"));
    await expect(updateMetric(systemContext(h.db), { experiment: host, metricId: other.metricDefinitions[0]!.id, changes: { name: "x" } })).rejects.toThrow(NotFound);
    await expect(updateMetric(contextWith(h.db, ["experiment:read"]), { experiment: host, metricId: purchases.id, changes: { name: "x" } })).rejects.toThrow(Forbidden);
    expect((await getExperiment(systemContext(h.db), host)).metricDefinitions[0]?.name).toBe("Purchases");
  });
});
