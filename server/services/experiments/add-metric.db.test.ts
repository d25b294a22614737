import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { metrics } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Forbidden, Invalid, NotFound } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { addMetric } from "./add-metric";
import { createExperiment } from "./create-experiment";
import { auditRows, readyExperiment } from "./experiment-fixtures";

let h: DatabaseHandle;
let experimentId: string;
beforeAll(async () => {
  h = await createTestDatabase();
  experimentId = (await createExperiment(systemContext(h.db), readyExperiment("host"))).id;
});
afterAll(() => h.close());

const host = { key: "host" };

async function refused(metric: Parameters<typeof addMetric>[1]["metric"]): Promise<Invalid> {
  const before = await h.db.$count(metrics);
  const error = await addMetric(systemContext(h.db), { experiment: host, metric }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Invalid);
  expect(await h.db.$count(metrics)).toBe(before);
  return error as Invalid;
}

describe("addMetric", () => {
  it("adds a metric with every seed field and audits it", async () => {
    const metric = await addMetric(systemContext(h.db), {
      experiment: host,
      metric: {
        name: "Basket value",
        description: "Mean basket",
        eventName: "checkout",
        metricType: "CUSTOM",
        isPrimary: false,
        aggregationMethod: "average",
        minimumSampleSize: 500,
        expectedEffect: 0.03,
        eventValuePath: "$.basket.items[0].price",
        lowerIsBetter: true,
      },
    });
    expect(metric).toMatchObject({
      experimentId,
      name: "Basket value",
      description: "Mean basket",
      eventName: "checkout",
      metricType: "CUSTOM",
      isPrimary: false,
      aggregationMethod: "average",
      minimumSampleSize: 500,
      expectedEffect: 0.03,
      eventValuePath: "$.basket.items[0].price",
      lowerIsBetter: true,
    });
    expect(await auditRows(h.db, metric.id)).toMatchObject([{ action: "metric.create", entityType: "metric", after: { name: "Basket value" } }]);
  });

  it("defaults the optional fields", async () => {
    const metric = await addMetric(systemContext(h.db), { experiment: host, metric: { name: "Signups", eventName: "signup", metricType: "CONVERSION" } });
    expect(metric).toMatchObject({ isPrimary: false, lowerIsBetter: false, aggregationMethod: null, minimumSampleSize: null, expectedEffect: null, eventValuePath: null, description: null });
  });

  it("refuses a taken name, an incomplete CUSTOM metric and bad values", async () => {
    expect((await refused({ name: "Signups", eventName: "x", metricType: "COUNT" })).fieldErrors).toEqual({ name: ['Another metric is already named "Signups".'] });
    expect((await refused({ name: "Custom", eventName: "x", metricType: "CUSTOM", eventValuePath: "" })).fieldErrors).toEqual({
      aggregationMethod: ["A custom metric needs an aggregation method."],
      eventValuePath: ["A custom metric needs the path of its value."],
    });
    expect(
      (await refused({ name: "Bad", eventName: " ", metricType: "RATIO" as never, aggregationMethod: "median" as never, minimumSampleSize: 1.5, expectedEffect: Number.NaN, eventValuePath: "a..b" })).fieldErrors,
    ).toEqual({
      eventName: ["Enter the event name."],
      metricType: ["Choose one of CONVERSION, REVENUE, COUNT, DURATION, CUSTOM."],
      aggregationMethod: ["Choose one of sum, average, count, min, max."],
      minimumSampleSize: ["Enter a whole number."],
      expectedEffect: ["Enter a number."],
      eventValuePath: ["Enter a path such as $.order.total or items[0].price."],
    });
  });

  it("answers NotFound for an unknown experiment and Forbidden without experiment:update", async () => {
    await expect(addMetric(systemContext(h.db), { experiment: { key: "nope" }, metric: { name: "m", eventName: "e", metricType: "COUNT" } })).rejects.toThrow(NotFound);
    const before = await h.db.$count(metrics);
    await expect(addMetric(contextWith(h.db, ["experiment:read"]), { experiment: host, metric: { name: "m", eventName: "e", metricType: "COUNT" } })).rejects.toThrow(Forbidden);
    expect(await h.db.$count(metrics)).toBe(before);
  });
});
