import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { Conflict } from "../../errors";
import { systemContext } from "../testing";
import { addMetric } from "./add-metric";
import { addVariant } from "./add-variant";
import { changeExperimentStatus } from "./change-experiment-status";
import { createExperiment } from "./create-experiment";
import { auditRows, readyExperiment } from "./experiment-fixtures";
import { getExperiment } from "./get-experiment";
import { removeMetric } from "./remove-metric";
import { removeVariant } from "./remove-variant";
import { updateExperiment } from "./update-experiment";
import { updateMetric } from "./update-metric";
import { updateVariant } from "./update-variant";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

async function experimentIn(key: string, path: readonly ("ACTIVE" | "COMPLETED" | "ARCHIVED")[]) {
  await createExperiment(systemContext(h.db), readyExperiment(key));
  for (const status of path) await changeExperimentStatus(systemContext(h.db), { experiment: { key }, status });
  return getExperiment(systemContext(h.db), { key });
}

/** Runs `attempt`, expects a 409 Conflict, and checks that neither the experiment nor its audit trail moved. */
async function refused(key: string, attempt: () => Promise<unknown>): Promise<Conflict> {
  const before = await getExperiment(systemContext(h.db), { key });
  const auditBefore = await auditRows(h.db, before.id);
  const error = await attempt().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Conflict);
  expect((error as Conflict).status).toBe(409);
  expect(await getExperiment(systemContext(h.db), { key })).toEqual(before);
  expect(await auditRows(h.db, before.id)).toHaveLength(auditBefore.length);
  return error as Conflict;
}

describe.each([
  ["COMPLETED", ["ACTIVE", "COMPLETED"], "completed"],
  ["ARCHIVED", ["ACTIVE", "COMPLETED", "ARCHIVED"], "archived"],
] as const)("a %s experiment's configuration is history", (_status, path, word) => {
  const key = `frozen-${word}`;

  it("refuses allocations, variants, targeting, dates and the name with 409 and a clear message", async () => {
    const experiment = await experimentIn(key, path);
    const [control, treatment] = experiment.variants;
    if (!control || !treatment) throw new Error("fixture has two variants");
    const allocations = await refused(key, () =>
      updateExperiment(systemContext(h.db), {
        experiment: { key },
        changes: {
          variants: [
            { id: control.id, name: "control", isControl: true, trafficAllocation: 10 },
            { id: treatment.id, name: "treatment", trafficAllocation: 90 },
          ],
        },
      }),
    );
    expect(allocations.message).toBe(
      `This experiment is ${word}: its configuration is kept as it ran, so its variants can no longer change. ` +
        "Only the description and tags can still be edited; duplicate the experiment to run a new version.",
    );
    const targeting = await refused(key, () => updateExperiment(systemContext(h.db), { experiment: { key }, changes: { targetingRules: { country: "NL" } } }));
    expect(targeting.message).toContain("so its targeting can no longer change");
    expect(targeting.fieldErrors).toEqual({ targetingRules: [`This cannot change once the experiment is ${word}.`] });
    await refused(key, () => updateExperiment(systemContext(h.db), { experiment: { key }, changes: { name: "Renamed", endDate: "2040-01-01" } }));
  });

  it("refuses the variant and metric sub-resources", async () => {
    const experiment = await getExperiment(systemContext(h.db), { key });
    const [control, treatment] = experiment.variants;
    const [metric] = experiment.metricDefinitions;
    if (!control || !treatment || !metric) throw new Error("fixture has variants and a metric");
    const ctx = systemContext(h.db);
    const ref = { key };
    expect((await refused(key, () => updateVariant(ctx, { experiment: ref, variantId: treatment.id, changes: { trafficAllocation: 5 } }))).message).toContain(
      "its variants can no longer change",
    );
    await refused(key, () => addVariant(ctx, { experiment: ref, variant: { name: "late", isControl: false, trafficAllocation: 0 } }));
    await refused(key, () => removeVariant(ctx, { experiment: ref, variantId: treatment.id }));
    expect((await refused(key, () => updateMetric(ctx, { experiment: ref, metricId: metric.id, changes: { eventName: "other" } }))).message).toContain(
      "its metrics can no longer change",
    );
    await refused(key, () => addMetric(ctx, { experiment: ref, metric: { name: "Late", eventName: "late", metricType: "COUNT", isPrimary: false } }));
    await refused(key, () => removeMetric(ctx, { experiment: ref, metricId: metric.id }));
  });

  it("still takes the description and the tags", async () => {
    const updated = await updateExperiment(systemContext(h.db), { experiment: { key }, changes: { description: "Green won: +4% checkouts.", tags: ["learned"] } });
    expect(updated).toMatchObject({ description: "Green won: +4% checkouts.", tags: ["learned"] });
  });
});

describe("a running experiment", () => {
  it("still takes allocation changes (only completion freezes them)", async () => {
    const experiment = await experimentIn("still-running", ["ACTIVE"]);
    const [, treatment] = experiment.variants;
    if (!treatment) throw new Error("fixture has two variants");
    const updated = await updateVariant(systemContext(h.db), { experiment: { key: "still-running" }, variantId: treatment.id, changes: { trafficAllocation: 30 } });
    expect(updated.trafficAllocation).toBe(30);
  });
});
