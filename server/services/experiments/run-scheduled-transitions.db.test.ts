import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, experiments } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { systemContext } from "../testing";
import { createExperiment } from "./create-experiment";
import { readyExperiment } from "./experiment-fixtures";
import { runScheduledTransitions } from "./run-scheduled-transitions";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

const now = new Date("2031-03-01T12:00:00.000Z");
const before = (ms: number) => new Date(now.getTime() - ms);
const after = (ms: number) => new Date(now.getTime() + ms);

async function row(key: string) {
  const [found] = await h.db.select().from(experiments).where(eq(experiments.key, key));
  return found;
}

async function put(key: string, values: Partial<typeof experiments.$inferInsert>) {
  await h.db.update(experiments).set(values).where(eq(experiments.key, key));
}

describe("runScheduledTransitions", () => {
  it("starts due drafts whose guards pass, completes due running and paused experiments, and leaves the rest", async () => {
    const ctx = systemContext(h.db);
    await createExperiment(ctx, readyExperiment("due-start", { startDate: before(60_000), endDate: after(86_400_000) }));
    await createExperiment(ctx, readyExperiment("due-blocked", { startDate: before(1), metricDefinitions: [] }));
    await createExperiment(ctx, readyExperiment("not-yet", { startDate: after(1) }));
    await createExperiment(ctx, readyExperiment("unscheduled"));
    for (const [key, status] of [["due-end", "ACTIVE"], ["due-end-paused", "PAUSED"], ["running", "ACTIVE"], ["done", "COMPLETED"]] as const) {
      await createExperiment(ctx, readyExperiment(key));
      await put(key, { status, startDate: before(86_400_000), endDate: key === "running" ? after(1) : before(1000) });
    }

    const report = await runScheduledTransitions(h.db, now);
    expect(report.started).toEqual(["due-start"]);
    expect([...report.completed].sort()).toEqual(["due-end", "due-end-paused"]);
    expect(report.blocked).toEqual([
      { key: "due-blocked", failures: [{ guard: "primary_metric", field: "metricDefinitions", message: "At least one metric must be primary." }] },
    ]);

    expect(await row("due-start")).toMatchObject({ status: "ACTIVE", startDate: now, endDate: after(86_400_000) });
    expect(await row("due-end")).toMatchObject({ status: "COMPLETED", endDate: now });
    expect(await row("due-end-paused")).toMatchObject({ status: "COMPLETED", endDate: now });
    for (const [key, status] of [["due-blocked", "DRAFT"], ["not-yet", "DRAFT"], ["unscheduled", "DRAFT"], ["running", "ACTIVE"], ["done", "COMPLETED"]] as const) {
      expect((await row(key))?.status).toBe(status);
    }

    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, "experiment.status"));
    expect(audit).toHaveLength(3);
    expect(new Set(audit.map((entry) => [entry.actorLabel, entry.actorUserId, entry.actorApiKeyId].join("|")))).toEqual(new Set(["scheduler||"]));

    expect(await runScheduledTransitions(h.db, now)).toEqual({ started: [], completed: [], blocked: report.blocked });
  });

  it("handles each experiment once when several instances run at the same moment", async () => {
    const ctx = systemContext(h.db);
    const keys = Array.from({ length: 12 }, (_, i) => `race-${i}`);
    for (const key of keys) await createExperiment(ctx, readyExperiment(key, { startDate: before(1) }));
    const reports = await Promise.all([1, 2, 3, 4].map(() => runScheduledTransitions(h.db, now)));
    expect(reports.flatMap((r) => r.started).sort()).toEqual([...keys].sort());
    const ids = (await h.db.select({ id: experiments.id }).from(experiments).where(inArray(experiments.key, keys))).map((r) => r.id);
    const audit = await h.db.select().from(auditLog).where(inArray(auditLog.entityId, ids));
    expect(audit.filter((entry) => entry.action === "experiment.status")).toHaveLength(keys.length);
  });
});
