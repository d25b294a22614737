import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { metrics } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Forbidden, NotFound } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { StartGuardsFailed, changeExperimentStatus } from "./change-experiment-status";
import { createExperiment } from "./create-experiment";
import { auditRows, readyExperiment } from "./experiment-fixtures";
import { removeMetric } from "./remove-metric";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

describe("removeMetric", () => {
  it("removes a metric and audits it; a paused experiment without a primary metric cannot resume", async () => {
    const created = await createExperiment(systemContext(h.db), readyExperiment("host"));
    await changeExperimentStatus(systemContext(h.db), { experiment: { key: "host" }, status: "ACTIVE" });
    await changeExperimentStatus(systemContext(h.db), { experiment: { key: "host" }, status: "PAUSED" });
    const metric = created.metricDefinitions[0]!;
    expect((await removeMetric(systemContext(h.db), { experiment: { key: "host" }, metricId: metric.id })).name).toBe("Purchases");
    expect(await h.db.$count(metrics, eq(metrics.experimentId, created.id))).toBe(0);
    expect(await auditRows(h.db, metric.id)).toMatchObject([{ action: "metric.delete", before: { name: "Purchases" }, after: null }]);
    const error = await changeExperimentStatus(systemContext(h.db), { experiment: { key: "host" }, status: "ACTIVE" }).catch((e: unknown) => e);
    expect((error as StartGuardsFailed).failures.map((f) => f.guard)).toEqual(["primary_metric"]);
    await expect(removeMetric(systemContext(h.db), { experiment: { key: "host" }, metricId: metric.id })).rejects.toThrow(NotFound);
  });

  it("requires experiment:update", async () => {
    const created = await createExperiment(systemContext(h.db), readyExperiment("guarded"));
    await expect(removeMetric(contextWith(h.db, ["experiment:read", "experiment:delete"]), { experiment: { key: "guarded" }, metricId: created.metricDefinitions[0]!.id })).rejects.toThrow(Forbidden);
    expect(await h.db.$count(metrics, eq(metrics.experimentId, created.id))).toBe(1);
  });
});
