import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { experiments } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Conflict, Forbidden, Invalid } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { StartGuardsFailed, changeExperimentStatus } from "./change-experiment-status";
import { createExperiment } from "./create-experiment";
import { auditRows, readyExperiment } from "./experiment-fixtures";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

const day = 24 * 60 * 60 * 1000;

async function statusOf(key: string) {
  const [row] = await h.db.select().from(experiments).where(eq(experiments.key, key));
  return row;
}

async function failure(key: string, status: "ACTIVE" | "PAUSED" | "COMPLETED" | "ARCHIVED" | "DRAFT"): Promise<unknown> {
  return changeExperimentStatus(systemContext(h.db), { experiment: { key }, status }).catch((e: unknown) => e);
}

describe("changeExperimentStatus", () => {
  it("walks the whole lifecycle, setting the dates and auditing each step", async () => {
    const created = await createExperiment(systemContext(h.db), readyExperiment("lifecycle"));
    const ctx = systemContext(h.db);
    const t0 = Date.now();
    const started = await changeExperimentStatus(ctx, { experiment: { key: "lifecycle" }, status: "ACTIVE" });
    expect(started.outcome).toBe("changed");
    expect(started.experiment.status).toBe("ACTIVE");
    expect(started.experiment.startDate!.getTime()).toBeGreaterThanOrEqual(t0 - 1000);
    expect(started.experiment.endDate).toBeNull();
    expect((await changeExperimentStatus(ctx, { experiment: { id: created.id }, status: "PAUSED" })).experiment.status).toBe("PAUSED");
    expect((await changeExperimentStatus(ctx, { experiment: { id: created.id }, status: "ACTIVE" })).experiment.startDate).toEqual(
      started.experiment.startDate,
    );
    const completed = await changeExperimentStatus(ctx, { experiment: { key: "lifecycle" }, status: "COMPLETED" });
    expect(completed.experiment.endDate!.getTime()).toBeGreaterThanOrEqual(started.experiment.startDate!.getTime());
    expect((await changeExperimentStatus(ctx, { experiment: { key: "lifecycle" }, status: "ARCHIVED" })).experiment.status).toBe("ARCHIVED");

    const audit = (await auditRows(h.db, created.id)).filter((row) => row.action === "experiment.status");
    expect(audit.map((row) => [(row.before as { status: string }).status, (row.after as { status: string }).status])).toEqual([
      ["DRAFT", "ACTIVE"],
      ["ACTIVE", "PAUSED"],
      ["PAUSED", "ACTIVE"],
      ["ACTIVE", "COMPLETED"],
      ["COMPLETED", "ARCHIVED"],
    ]);
  });

  it("lets a draft be archived without running, and nothing leave ARCHIVED", async () => {
    await createExperiment(systemContext(h.db), { key: "shelved", name: "Shelved" });
    await changeExperimentStatus(systemContext(h.db), { experiment: { key: "shelved" }, status: "ARCHIVED" });
    const error = await failure("shelved", "DRAFT");
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).message).toBe("An experiment cannot go from ARCHIVED to DRAFT; ARCHIVED is final.");
    expect((await statusOf("shelved"))?.startDate).toBeNull();
  });

  it("refuses illegal moves with a Conflict and changes nothing", async () => {
    const created = await createExperiment(systemContext(h.db), readyExperiment("illegal"));
    for (const status of ["PAUSED", "COMPLETED"] as const) {
      const error = await failure("illegal", status);
      expect(error).toBeInstanceOf(Conflict);
      expect((error as Conflict).fieldErrors).toEqual({
        status: [`An experiment cannot go from DRAFT to ${status}; from DRAFT it can go to ACTIVE or ARCHIVED.`],
      });
    }
    expect((await statusOf("illegal"))?.status).toBe("DRAFT");
    expect((await auditRows(h.db, created.id)).map((row) => row.action)).toEqual(["experiment.create"]);
  });

  it("names every failed start guard and changes nothing", async () => {
    await createExperiment(systemContext(h.db), {
      key: "unready",
      name: "Unready",
      experimentType: "SPLIT_URL",
      variants: [{ name: "only", trafficAllocation: 0, configuration: { url: "https://example.com" } }],
      metricDefinitions: [{ name: "m", eventName: "e", metricType: "COUNT" }],
    });
    await h.db.update(experiments).set({ endDate: new Date(Date.now() - day) }).where(eq(experiments.key, "unready"));
    const error = await failure("unready", "ACTIVE");
    expect(error).toBeInstanceOf(StartGuardsFailed);
    expect(error).toBeInstanceOf(Invalid);
    const guards = (error as StartGuardsFailed).failures.map((f) => f.guard);
    expect(guards).toEqual(["variant_count", "single_control", "allocation_total", "primary_metric", "end_date"]);
    expect((error as Invalid).message).toMatch(/^Experiment "unready" cannot start: An experiment needs at least 2 variants to start; it has 1\. /);
    expect(Object.keys((error as Invalid).fieldErrors).sort()).toEqual(["endDate", "metricDefinitions", "variants"]);
    expect((error as Invalid).fieldErrors.variants).toHaveLength(3);
    expect((await statusOf("unready"))?.status).toBe("DRAFT");
  });

  it("checks split URLs when a split-URL experiment starts", async () => {
    await createExperiment(systemContext(h.db), readyExperiment("split", { experimentType: "A_B" }));
    // Became split-URL by a write that bypassed the services: the guard still holds the line.
    await h.db.update(experiments).set({ experimentType: "SPLIT_URL" }).where(eq(experiments.key, "split"));
    const error = (await failure("split", "ACTIVE")) as StartGuardsFailed;
    expect(error.failures.map((f) => [f.guard, f.field])).toEqual([
      ["split_urls", "variants.0.configuration.url"],
      ["split_urls", "variants.1.configuration.url"],
    ]);
  });

  it("checks the guards again on resume", async () => {
    await createExperiment(systemContext(h.db), readyExperiment("resume"));
    await changeExperimentStatus(systemContext(h.db), { experiment: { key: "resume" }, status: "ACTIVE" });
    await changeExperimentStatus(systemContext(h.db), { experiment: { key: "resume" }, status: "PAUSED" });
    await h.db.update(experiments).set({ endDate: new Date(Date.now() - 1) }).where(eq(experiments.key, "resume"));
    const error = (await failure("resume", "ACTIVE")) as StartGuardsFailed;
    expect(error.message).toMatch(/^Experiment "resume" cannot resume: The end date \(.*\) has passed; move it later or clear it\.$/);
    expect((await statusOf("resume"))?.status).toBe("PAUSED");
  });

  it("keeps a draft with a future start date waiting for the scheduler, after checking its guards", async () => {
    const start = new Date(Date.now() + day);
    const created = await createExperiment(systemContext(h.db), readyExperiment("later", { startDate: start }));
    const result = await changeExperimentStatus(systemContext(h.db), { experiment: { key: "later" }, status: "ACTIVE" });
    expect(result.outcome).toBe("scheduled");
    expect(result.experiment.status).toBe("DRAFT");
    expect(result.experiment.startDate).toEqual(start);
    expect((await auditRows(h.db, created.id)).map((row) => row.action)).toEqual(["experiment.create"]);
  });

  it("answers unchanged for the current status, and refuses unknown statuses and experiments", async () => {
    await createExperiment(systemContext(h.db), { key: "same", name: "Same" });
    expect((await changeExperimentStatus(systemContext(h.db), { experiment: { key: "same" }, status: "DRAFT" })).outcome).toBe("unchanged");
    const bad = (await failure("same", "RUNNING" as "ACTIVE")) as Invalid;
    expect(bad.fieldErrors).toEqual({ status: ["Choose one of DRAFT, ACTIVE, PAUSED, COMPLETED, ARCHIVED."] });
    await expect(failure("nope", "ACTIVE")).resolves.toMatchObject({ name: "NotFound", message: 'Experiment "nope" not found.' });
    await expect(
      changeExperimentStatus(systemContext(h.db), { experiment: { id: "not-a-uuid" }, status: "ACTIVE" }),
    ).rejects.toThrow("Experiment with id not-a-uuid not found.");
  });

  it("requires experiment:update", async () => {
    await createExperiment(systemContext(h.db), readyExperiment("guarded"));
    await expect(
      changeExperimentStatus(contextWith(h.db, ["experiment:read", "experiment:create"]), { experiment: { key: "guarded" }, status: "ACTIVE" }),
    ).rejects.toThrow(Forbidden);
    expect((await statusOf("guarded"))?.status).toBe("DRAFT");
  });
});
