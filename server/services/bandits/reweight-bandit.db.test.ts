import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseVariation, getVariantRanges } from "@/core/assignment/bucket-ranges";
import { hash } from "@/core/assignment/hash";
import type { DatabaseHandle } from "@/db/client";
import { assignments, auditLog, banditAllocations, experiments, variants } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { StoredAssignments } from "../../cache/stored-assignments";
import { Conflict, Forbidden } from "../../errors";
import { assignUser } from "../assignments/assign-user";
import { loadExperimentDefinitions } from "../assignments/load-experiment-definitions";
import { changeExperimentStatus } from "../experiments/change-experiment-status";
import { createExperiment } from "../experiments/create-experiment";
import { readyExperiment } from "../experiments/experiment-fixtures";
import { contextWith, systemContext } from "../testing";
import { listBanditAllocations } from "./list-bandit-allocations";
import { reweightBandit } from "./reweight-bandit";
import { runBanditReweights } from "./run-bandit-reweights";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

/** A running bandit (control 40% / treatment 40%: coverage 80%) with a small burn-in. */
async function runningBandit(key: string, burnInUsers = 20) {
  const ctx = systemContext(h.db);
  await createExperiment(
    ctx,
    readyExperiment(key, {
      experimentType: "BANDIT",
      variants: [
        { name: "control", isControl: true, trafficAllocation: 40 },
        { name: "treatment", trafficAllocation: 40 },
      ],
    }),
  );
  await h.db.update(experiments).set({ banditBurnInUsers: burnInUsers }).where(eq(experiments.key, key));
  await changeExperimentStatus(ctx, { experiment: { key }, status: "ACTIVE" });
  const [experiment] = await h.db.select().from(experiments).where(eq(experiments.key, key));
  const list = await h.db.select().from(variants).where(eq(variants.experimentId, experiment!.id)).orderBy(asc(variants.createdAt));
  return { experiment: experiment!, control: list[0]!, treatment: list[1]! };
}

/** Users assigned directly, and a purchase for the first `converting` of them (after their assignment). */
async function enrol(experimentId: string, variantId: string, prefix: string, users: number, converting: number) {
  await h.db.execute(sql`
    insert into experimentation.assignments (experiment_id, variant_id, user_id, created_at)
    select ${experimentId}, ${variantId}, ${prefix} || g, now() - interval '1 hour' from generate_series(1, ${users}) g`);
  await h.db.execute(sql`
    insert into experimentation.events (event_type, user_id, experiment_id, source)
    select 'purchase', ${prefix} || g, ${experimentId}, 'test' from generate_series(1, ${converting}) g`);
}

const allocationsOf = async (experimentId: string) =>
  (await h.db.select().from(variants).where(eq(variants.experimentId, experimentId)).orderBy(asc(variants.createdAt))).map((v) => v.trafficAllocation);

describe("reweightBandit", () => {
  it("moves traffic to the better arm, keeps the coverage, records the history and audits in one go", async () => {
    const { experiment, control, treatment } = await runningBandit("bandit-lift");
    await enrol(experiment.id, control.id, "c", 400, 20); // 5%
    await enrol(experiment.id, treatment.id, "t", 400, 60); // 15%

    const entry = await reweightBandit(systemContext(h.db), { key: "bandit-lift" });
    expect(entry.trigger).toBe("manual");
    expect(entry.allocations.map((a) => a.variant)).toEqual(["control", "treatment"]);
    const after = await allocationsOf(experiment.id);
    // P(treatment best) is ~1, so control is held at the default 5% floor of the 80% coverage: 4 and 76.
    expect(after).toEqual([4, 76]);
    const history = await h.db.select().from(banditAllocations).where(eq(banditAllocations.experimentId, experiment.id)).orderBy(asc(banditAllocations.createdAt));
    expect(history.map((r) => r.trigger)).toEqual(["start", "manual"]);
    expect(history[0]!.allocations.map((a) => a.trafficAllocation)).toEqual([40, 40]);
    expect(history[1]!.allocations).toMatchObject([
      { variantId: control.id, users: 400, mean: 0.05, trafficAllocation: 4 },
      { variantId: treatment.id, users: 400, mean: 0.15, trafficAllocation: 76 },
    ]);
    const listed = await listBanditAllocations(systemContext(h.db), { key: "bandit-lift" });
    expect(listed.map((entry) => entry.allocations.map((a) => `${a.variant}:${a.trafficAllocation}`))).toEqual([["control:40", "treatment:40"], ["control:4", "treatment:76"]]);
    const audits = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, experiment.id), eq(auditLog.action, "experiment.reweight")));
    expect(audits).toHaveLength(1);
    // A coverage under 100% re-weighted narrows the enrolled hash space: assignment must look users up now.
    const [reloaded] = await h.db.select().from(experiments).where(eq(experiments.id, experiment.id));
    expect(reloaded!.trafficNarrowedAt).not.toBeNull();
  });

  it("keeps users assigned before a re-weighting in their variant after it (sticky)", async () => {
    const { experiment, control, treatment } = await runningBandit("bandit-sticky");
    const [before] = await loadExperimentDefinitions(h.db, ["bandit-sticky"]);
    const users = Array.from({ length: 60 }, (_, i) => `sticky-${i}`);
    const first = new Map<string, string | null>();
    for (const userId of users) first.set(userId, (await assignUser(h.db, { experiment: before!, userId, stored: new StoredAssignments() })).variant);
    await enrol(experiment.id, control.id, "sc", 300, 3);
    await enrol(experiment.id, treatment.id, "st", 300, 90);

    await reweightBandit(systemContext(h.db), { key: "bandit-sticky" });
    const allocations = await allocationsOf(experiment.id);
    // The test means something only if the new ranges would put some earlier control user elsewhere.
    const ranges = getVariantRanges(allocations);
    const moved = users.filter((u) => first.get(u) === "control" && chooseVariation(hash("bandit-sticky", u), ranges) !== 0);
    expect(moved.length).toBeGreaterThan(0);

    const [afterDefinition] = await loadExperimentDefinitions(h.db, ["bandit-sticky"]);
    expect(afterDefinition!.variants.map((v) => v.trafficAllocation)).toEqual(allocations);
    for (const userId of users) {
      // A fresh cache models another instance: the stored row decides, not the new ranges.
      const answer = await assignUser(h.db, { experiment: afterDefinition!, userId, stored: new StoredAssignments() });
      expect(answer.variant, userId).toBe(first.get(userId));
    }
    const stored = await h.db.$count(assignments, and(eq(assignments.experimentId, experiment.id), sql`${assignments.userId} like 'sticky-%'`));
    expect(stored).toBe([...first.values()].filter((v) => v !== null).length);
  });

  it("refuses during the burn-in, naming the variants short of it, and changes nothing", async () => {
    const { experiment, control, treatment } = await runningBandit("bandit-burn-in", 100);
    await enrol(experiment.id, control.id, "bc", 150, 10);
    await enrol(experiment.id, treatment.id, "bt", 30, 10);
    const error = await reweightBandit(systemContext(h.db), { key: "bandit-burn-in" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).message).toContain('"treatment" has 30');
    expect(await allocationsOf(experiment.id)).toEqual([40, 40]);
    expect(await h.db.$count(banditAllocations, eq(banditAllocations.experimentId, experiment.id))).toBe(0);
  });

  it("refuses an experiment that is not a running bandit, and a viewer", async () => {
    await createExperiment(systemContext(h.db), readyExperiment("plain-ab"));
    await expect(reweightBandit(systemContext(h.db), { key: "plain-ab" })).rejects.toThrow(/not a bandit/);
    await runningBandit("bandit-viewer");
    await expect(reweightBandit(contextWith(h.db, ["experiment:read"]), { key: "bandit-viewer" })).rejects.toBeInstanceOf(Forbidden);
  });
});

describe("runBanditReweights", () => {
  it("re-weights bandits whose interval has passed, once, however many runs overlap", async () => {
    const { experiment, control, treatment } = await runningBandit("bandit-scheduled");
    await enrol(experiment.id, control.id, "rc", 200, 20);
    await enrol(experiment.id, treatment.id, "rt", 200, 30);
    const start = experiment.startDate!;
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

    const early = await runBanditReweights(h.db, at(30));
    expect(early.reweighted).not.toContain("bandit-scheduled");

    // Two instances ticking at once: one re-weighting between them.
    const [a, b] = await Promise.all([runBanditReweights(h.db, at(61)), runBanditReweights(h.db, at(61))]);
    expect([...a.reweighted, ...b.reweighted].filter((k) => k === "bandit-scheduled")).toHaveLength(1);
    const triggers = async () =>
      (await h.db.select().from(banditAllocations).where(eq(banditAllocations.experimentId, experiment.id)).orderBy(asc(banditAllocations.createdAt))).map((r) => r.trigger);
    expect(await triggers()).toEqual(["start", "schedule"]);

    // The next one waits for another full interval after that re-weighting.
    expect((await runBanditReweights(h.db, at(120))).reweighted).not.toContain("bandit-scheduled");
    expect((await runBanditReweights(h.db, at(121))).reweighted).toContain("bandit-scheduled");
    expect(await triggers()).toEqual(["start", "schedule", "schedule"]);
  });

  it("reports a bandit still in burn-in as skipped and records nothing", async () => {
    const { experiment } = await runningBandit("bandit-waiting", 50);
    const report = await runBanditReweights(h.db, new Date(experiment.startDate!.getTime() + 120 * 60_000));
    expect(report.skipped).toContainEqual({ key: "bandit-waiting", reason: expect.stringContaining("burn-in") as string });
    expect(await h.db.$count(banditAllocations, eq(banditAllocations.experimentId, experiment.id))).toBe(0);
  });
});
