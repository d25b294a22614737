import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hash } from "@/core/assignment/hash";
import type { DatabaseHandle } from "@/db/client";
import { assignments, experiments } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { StoredAssignments } from "../../cache/stored-assignments";
import { Invalid } from "../../errors";
import { changeExperimentStatus } from "../experiments/change-experiment-status";
import { createExperiment } from "../experiments/create-experiment";
import { readyExperiment } from "../experiments/experiment-fixtures";
import { addVariant } from "../experiments/add-variant";
import { updateExperiment } from "../experiments/update-experiment";
import { updateVariant } from "../experiments/update-variant";
import { systemContext } from "../testing";
import { type AssignmentAnswer, assignUser, assignUserToExperiments } from "./assign-user";
import type { ExperimentDefinition } from "./experiment-definition";
import { loadExperimentDefinitions } from "./load-experiment-definitions";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

async function activeDefinition(key: string, overrides: Parameters<typeof readyExperiment>[1] = {}): Promise<ExperimentDefinition> {
  await createExperiment(systemContext(h.db), readyExperiment(key, overrides));
  await changeExperimentStatus(systemContext(h.db), { experiment: { key }, status: "ACTIVE" });
  const [definition] = await loadExperimentDefinitions(h.db, [key]);
  if (!definition) throw new Error(`no definition for ${key}`);
  return definition;
}

async function rowsOf(definition: ExperimentDefinition) {
  return h.db.select().from(assignments).where(eq(assignments.experimentId, definition.id));
}

const withoutReason = ({ reason: _reason, ...rest }: AssignmentAnswer) => rest;

describe("assignUser", () => {
  it("stores a new assignment with its context and answers in the API's shape", async () => {
    const experiment = await activeDefinition("shape");
    const answer = await assignUser(h.db, { experiment, userId: "user-4", context: { country: "FR" } });
    // hash("shape", "user-4") puts the user in the first or second half.
    const expected = hash("shape", "user-4") < 0.5 ? experiment.variants[0]! : experiment.variants[1]!;
    expect(answer).toEqual({
      experiment: "shape",
      inExperiment: true,
      variant: expected.name,
      variantId: expected.id,
      configuration: expected.configuration,
      url: null,
      reason: "BUCKETED",
    });
    expect((await rowsOf(experiment)).map((row) => [row.userId, row.variantId, row.context])).toEqual([["user-4", expected.id, { country: "FR" }]]);
    expect(await assignUser(h.db, { experiment, userId: "user-4" })).toEqual({ ...answer, reason: "STICKY" });
  });

  it("gives 20 concurrent requests for one user, from 20 instances, one row and one answer", async () => {
    const experiment = await activeDefinition("race");
    // Each request has the memory of an instance of its own, so every one of them races to the database.
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => assignUser(h.db, { experiment, userId: "racer", context: {}, stored: new StoredAssignments() })),
    );
    expect(await rowsOf(experiment)).toHaveLength(1);
    const [stored] = await rowsOf(experiment);
    expect(new Set(answers.map((a) => JSON.stringify(withoutReason(a))))).toEqual(new Set([JSON.stringify(withoutReason(answers[0]!))]));
    expect(answers[0]?.variantId).toBe(stored?.variantId);
    expect(answers.filter((a) => a.reason === "BUCKETED")).toHaveLength(1);
    expect(answers.filter((a) => a.reason === "STICKY")).toHaveLength(19);
  });

  it("splits 1,000 users 50/50 within three standard deviations, and answers the same the second time", async () => {
    const experiment = await activeDefinition("split-50-50");
    const users = Array.from({ length: 1000 }, (_, i) => `user-${i}`);
    const first = await Promise.all(users.map((userId) => assignUser(h.db, { experiment, userId })));
    const counts = new Map<string | null, number>();
    for (const answer of first) counts.set(answer.variant, (counts.get(answer.variant) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(["control", "treatment"]);
    for (const count of counts.values()) expect(Math.abs(count - 500)).toBeLessThanOrEqual(47);
    // The exact split follows from the hash alone, so it is also checkable without the database.
    expect(counts.get("control")).toBe(users.filter((u) => hash("split-50-50", u) < 0.5).length);
    const second = await Promise.all(users.map((userId) => assignUser(h.db, { experiment, userId })));
    expect(second.map(withoutReason)).toEqual(first.map(withoutReason));
    expect(new Set(second.map((a) => a.reason))).toEqual(new Set(["STICKY"]));
    expect(await rowsOf(experiment)).toHaveLength(1000);
  });

  it("does not enrol or store users failing targeting, nor anyone for an experiment that is not ACTIVE", async () => {
    const experiment = await activeDefinition("targeted", { targetingRules: { country: { $in: ["US", "CA"] } } });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => assignUser(h.db, { experiment, userId: `t-${i}`, context: { country: i % 2 === 0 ? "US" : "FR" } })),
    );
    expect(answers.filter((a) => a.inExperiment)).toHaveLength(20);
    expect(answers.filter((a) => !a.inExperiment).map((a) => a)).toEqual(
      Array.from({ length: 20 }, () => ({ experiment: "targeted", inExperiment: false, variant: null, variantId: null, configuration: null, url: null, reason: "TARGETING_MISS" })),
    );
    expect((await rowsOf(experiment)).map((row) => row.context)).toEqual(Array.from({ length: 20 }, () => ({ country: "US" })));
    const paused = { ...experiment, status: "PAUSED" as const };
    expect(await assignUser(h.db, { experiment: paused, userId: "t-100", context: { country: "US" } })).toMatchObject({ inExperiment: false, reason: "NOT_ACTIVE" });
    expect(await rowsOf(experiment)).toHaveLength(20);
  });

  it("keeps assigned users where they are when allocations shrink, and leaves new users out of the traffic", async () => {
    const experiment = await activeDefinition("ramp");
    const early = await Promise.all(Array.from({ length: 50 }, (_, i) => assignUser(h.db, { experiment, userId: `r-${i}` })));
    // Ramping down from 50/50 to 5/5 while running: most of those users are now outside the traffic.
    for (const variant of experiment.variants) {
      await updateVariant(systemContext(h.db), { experiment: { key: "ramp" }, variantId: variant.id, changes: { trafficAllocation: 5 } });
    }
    const [narrowed] = await loadExperimentDefinitions(h.db, ["ramp"]);
    expect(narrowed?.trafficNarrowed).toBe(true);
    // Another instance, which has not seen these users, finds their rows.
    const otherInstance = new StoredAssignments();
    const later = await Promise.all(Array.from({ length: 50 }, (_, i) => assignUser(h.db, { experiment: narrowed!, userId: `r-${i}`, stored: otherInstance })));
    expect(later.map(withoutReason)).toEqual(early.map(withoutReason));
    expect(new Set(later.map((a) => a.reason))).toEqual(new Set(["STICKY"]));
    const outside = Array.from({ length: 200 }, (_, i) => `n-${i}`).find((u) => hash("ramp", u) >= 0.05 && hash("ramp", u) < 0.5 || hash("ramp", u) >= 0.55);
    expect(await assignUser(h.db, { experiment: narrowed!, userId: outside! })).toMatchObject({ inExperiment: false, reason: "NOT_IN_TRAFFIC" });
    expect(await rowsOf(experiment)).toHaveLength(50);
  });

  it("answers users outside the traffic without reading the database unless the traffic was ever narrowed", async () => {
    const experiment = await activeDefinition("ramp-up", {
      variants: [
        { name: "control", isControl: true, trafficAllocation: 10 },
        { name: "treatment", trafficAllocation: 10 },
      ],
    });
    // Both at once, as the experiment form saves them (one variant at a time, 10/10 → 20/10 would re-slice the space).
    const rampedUp = experiment.variants.map((v) => ({ id: v.id, name: v.name, isControl: v.isControl, trafficAllocation: 20 }));
    await updateExperiment(systemContext(h.db), { experiment: { key: "ramp-up" }, changes: { variants: rampedUp } });
    const [widened] = await loadExperimentDefinitions(h.db, ["ramp-up"]);
    expect(widened?.trafficNarrowed).toBe(false);
    // A row no real request could have stored (the user was never in the traffic) shows whether the database was read.
    const outside = Array.from({ length: 200 }, (_, i) => `o-${i}`).find((u) => hash("ramp-up", u) >= 0.2 && hash("ramp-up", u) < 0.5)!;
    await h.db.insert(assignments).values({ experimentId: experiment.id, variantId: experiment.variants[0]!.id, userId: outside, context: {} });
    expect(await assignUser(h.db, { experiment: widened!, userId: outside, stored: new StoredAssignments() })).toMatchObject({ inExperiment: false, reason: "NOT_IN_TRAFFIC" });
    // Narrowed (20/20 → 5/35 re-slices the space): now such a row may exist, and it is found.
    await updateVariant(systemContext(h.db), { experiment: { key: "ramp-up" }, variantId: experiment.variants[0]!.id, changes: { trafficAllocation: 5 } });
    await updateVariant(systemContext(h.db), { experiment: { key: "ramp-up" }, variantId: experiment.variants[1]!.id, changes: { trafficAllocation: 35 } });
    const [narrowed] = await loadExperimentDefinitions(h.db, ["ramp-up"]);
    expect(narrowed?.trafficNarrowed).toBe(true);
    expect(await assignUser(h.db, { experiment: narrowed!, userId: outside, stored: new StoredAssignments() })).toMatchObject({ inExperiment: true, variant: "control", reason: "STICKY" });
  });

  it("answers a returning user from memory, without reading the database", async () => {
    const experiment = await activeDefinition("returning");
    const stored = new StoredAssignments();
    const first = await assignUser(h.db, { experiment, userId: "regular", stored });
    expect(first.reason).toBe("BUCKETED");
    // With the row gone behind its back, only memory can still know the variant.
    await h.db.delete(assignments).where(eq(assignments.experimentId, experiment.id));
    expect(await assignUser(h.db, { experiment, userId: "regular", stored })).toEqual({ ...first, reason: "STICKY" });
    const closed = { ...experiment, variants: experiment.variants.map((v) => ({ ...v, trafficAllocation: 0 })), trafficNarrowed: true };
    expect(await assignUser(h.db, { experiment: closed, userId: "regular", stored })).toEqual({ ...first, reason: "STICKY" });
    expect(await rowsOf(experiment)).toHaveLength(0);
    // An instance that never saw the user asks the database, as it must.
    expect(await assignUser(h.db, { experiment: closed, userId: "regular", stored: new StoredAssignments() })).toMatchObject({ inExperiment: false, reason: "NOT_IN_TRAFFIC" });
  });

  it("answers a split-URL variant's URL", async () => {
    const experiment = await activeDefinition("landing", {
      experimentType: "SPLIT_URL",
      variants: [
        { name: "old", isControl: true, trafficAllocation: 50, configuration: { url: "https://example.com/old" } },
        { name: "new", trafficAllocation: 50, configuration: { url: "https://example.com/new" } },
      ],
    });
    const answer = await assignUser(h.db, { experiment, userId: "visitor" });
    expect(answer.url).toBe(`https://example.com/${answer.variant}`);
  });

  it("assigns several experiments in order and refuses an empty user id", async () => {
    const definitions = await loadExperimentDefinitions(h.db, ["landing", "shape"]);
    const answers = await assignUserToExperiments(h.db, { experiments: definitions, userId: "multi" });
    expect(answers.map((a) => [a.experiment, a.inExperiment])).toEqual([["landing", true], ["shape", true]]);
    await expect(assignUser(h.db, { experiment: definitions[0]!, userId: "" })).rejects.toThrow(Invalid);
    await expect(assignUser(h.db, { experiment: definitions[0]!, userId: "x".repeat(257) })).rejects.toThrow(Invalid);
  });

  it("answers not enrolled when a cached definition outlived its experiment", async () => {
    const experiment = await activeDefinition("vanished");
    await h.db.delete(experiments).where(eq(experiments.id, experiment.id));
    expect(await assignUser(h.db, { experiment, userId: "ghost" })).toMatchObject({ inExperiment: false, reason: "NOT_ACTIVE" });
  });

  it("answers a stored assignment to a variant added after the definition was cached, from its row", async () => {
    const stale = await activeDefinition("grown", {
      variants: [
        { name: "control", isControl: true, trafficAllocation: 40 },
        { name: "treatment", trafficAllocation: 40 },
      ],
    });
    const added = await addVariant(systemContext(h.db), { experiment: { key: "grown" }, variant: { name: "late arrival", trafficAllocation: 20 } });
    // Another instance, with the new definition, stored this user in the new variant.
    const userId = Array.from({ length: 1000 }, (_, i) => `grown-${i}`).find((id) => hash("grown", id)! < 0.8)!;
    await h.db.insert(assignments).values({ experimentId: stale.id, variantId: added.id, userId, context: {} });
    expect(await assignUser(h.db, { experiment: stale, userId, stored: new StoredAssignments() })).toMatchObject({ inExperiment: true, variant: "late arrival", variantId: added.id, reason: "STICKY" });
  });
});
