import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assignments, experiments } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { StoredAssignments } from "../../cache/stored-assignments";
import { changeExperimentStatus } from "../experiments/change-experiment-status";
import { createExperiment } from "../experiments/create-experiment";
import { readyExperiment } from "../experiments/experiment-fixtures";
import { systemContext } from "../testing";
import { assignUser } from "./assign-user";
import type { ExperimentDefinition } from "./experiment-definition";
import { assignmentWriter, insertAssignments } from "./insert-assignments";
import { loadExperimentDefinitions } from "./load-experiment-definitions";

let h: DatabaseHandle;
let one: ExperimentDefinition;
let two: ExperimentDefinition;
beforeAll(async () => {
  h = await createTestDatabase();
  const ctx = systemContext(h.db);
  for (const key of ["batch-one", "batch-two"]) {
    await createExperiment(ctx, readyExperiment(key));
    await changeExperimentStatus(ctx, { experiment: { key }, status: "ACTIVE" });
  }
  [one, two] = (await loadExperimentDefinitions(h.db, ["batch-one", "batch-two"])) as [ExperimentDefinition, ExperimentDefinition];
});
afterAll(() => h.close());

const row = (experiment: ExperimentDefinition, userId: string, variant = 0) => ({ experimentId: experiment.id, variantId: experiment.variants[variant]!.id, userId, context: { userId } });

describe("insertAssignments", () => {
  it("stores many rows at once, answers rows stored earlier with their variant, and stores duplicates once", async () => {
    await insertAssignments(h.db, [row(one, "early", 1)]);
    const answers = await insertAssignments(h.db, [row(one, "a"), row(two, "a", 1), row(one, "early", 0), row(one, "b"), row(one, "b")]);
    expect(answers).toEqual([
      { variantId: one.variants[0]!.id, inserted: true },
      { variantId: two.variants[1]!.id, inserted: true },
      // Stored before with the other variant: that one stands.
      { variantId: one.variants[1]!.id, inserted: false },
      { variantId: one.variants[0]!.id, inserted: true },
      { variantId: one.variants[0]!.id, inserted: false },
    ]);
    const stored = await h.db.select({ userId: assignments.userId, context: assignments.context }).from(assignments).where(eq(assignments.experimentId, one.id));
    expect(stored.map((r) => r.userId).sort()).toEqual(["a", "b", "early"]);
    expect(stored.find((r) => r.userId === "a")?.context).toEqual({ userId: "a" });
  });

  it("answers null only for the rows of an experiment deleted behind a stale definition", async () => {
    const ctx = systemContext(h.db);
    await createExperiment(ctx, readyExperiment("batch-gone"));
    await changeExperimentStatus(ctx, { experiment: { key: "batch-gone" }, status: "ACTIVE" });
    const [gone] = await loadExperimentDefinitions(h.db, ["batch-gone"]);
    await h.db.delete(experiments).where(eq(experiments.id, gone!.id));
    const answers = await insertAssignments(h.db, [row(one, "c"), row(gone!, "c"), row(two, "c")]);
    expect(answers.map((a) => a?.inserted ?? null)).toEqual([true, null, true]);
  });
});

describe("assignment writes of concurrent requests", () => {
  it("share statements, and still give one row and one answer per user whatever the race", async () => {
    const writer = assignmentWriter(h.db);
    const batchesBefore = writer.batches;
    const users = Array.from({ length: 200 }, (_, i) => `concurrent-${i % 100}`);
    // 200 requests for 100 users, each pair from two instances that have not seen the user.
    const answers = await Promise.all(users.map((userId) => assignUser(h.db, { experiment: one, userId, stored: new StoredAssignments() })));
    const batches = writer.batches - batchesBefore;
    expect(batches).toBeGreaterThanOrEqual(1);
    expect(batches).toBeLessThanOrEqual(10);
    const rows = await h.db.select({ userId: assignments.userId, variantId: assignments.variantId }).from(assignments).where(eq(assignments.experimentId, one.id));
    const concurrentRows = rows.filter((r) => r.userId.startsWith("concurrent-"));
    expect(concurrentRows).toHaveLength(100);
    const storedVariant = new Map(concurrentRows.map((r) => [r.userId, r.variantId]));
    for (const [i, answer] of answers.entries()) expect(answer.variantId).toBe(storedVariant.get(users[i]!));
    expect(answers.filter((a) => a.reason === "BUCKETED")).toHaveLength(100);
    expect(answers.filter((a) => a.reason === "STICKY")).toHaveLength(100);
  });
});
