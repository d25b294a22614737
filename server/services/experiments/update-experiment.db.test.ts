import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assignments, experiments, variants } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Conflict, Forbidden, Invalid } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { changeExperimentStatus } from "./change-experiment-status";
import { createExperiment } from "./create-experiment";
import { auditRows, readyExperiment } from "./experiment-fixtures";
import { updateExperiment } from "./update-experiment";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

async function snapshot(key: string) {
  const [row] = await h.db.select().from(experiments).where(eq(experiments.key, key));
  const variantRows = row ? await h.db.select().from(variants).where(eq(variants.experimentId, row.id)) : [];
  return { row, variants: variantRows.map((v) => [v.name, v.isControl, v.trafficAllocation]).sort() };
}

async function failure(key: string, changes: Parameters<typeof updateExperiment>[1]["changes"]): Promise<Invalid | Conflict> {
  const before = await snapshot(key);
  const error = await updateExperiment(systemContext(h.db), { experiment: { key }, changes }).catch((e: unknown) => e);
  expect(error instanceof Invalid || error instanceof Conflict).toBe(true);
  expect(await snapshot(key)).toEqual(before);
  return error as Invalid | Conflict;
}

describe("updateExperiment", () => {
  it("changes only the given fields, clears with null, and audits before and after", async () => {
    const created = await createExperiment(systemContext(h.db), readyExperiment("edit-me", { description: "old", tags: ["a"] }));
    const updated = await updateExperiment(systemContext(h.db), {
      experiment: { key: "edit-me" },
      changes: { key: "edited", name: "Edited", description: null, startDate: "2031-01-01", targetingRules: { beta: true } },
    });
    expect(updated).toMatchObject({ key: "edited", name: "Edited", description: null, tags: ["a"], targetingRules: { beta: true } });
    expect(updated.startDate?.toISOString()).toBe("2031-01-01T00:00:00.000Z");
    expect(updated.variants.map((v) => v.name)).toEqual(["control", "treatment"]);
    const audit = await auditRows(h.db, created.id);
    expect(audit.map((row) => row.action)).toEqual(["experiment.create", "experiment.update"]);
    expect(audit[1]?.before).toMatchObject({ key: "edit-me", description: "old" });
    expect(audit[1]?.after).toMatchObject({ key: "edited", description: null });
  });

  it("writes nothing when nothing changes", async () => {
    const created = await createExperiment(systemContext(h.db), readyExperiment("same-values"));
    const result = await updateExperiment(systemContext(h.db), { experiment: { id: created.id }, changes: { name: created.name, tags: [] } });
    expect(result.updatedAt).toEqual(created.updatedAt);
    expect(await auditRows(h.db, created.id)).toHaveLength(1);
  });

  it("freezes the key and the type once the experiment has left draft", async () => {
    await createExperiment(systemContext(h.db), readyExperiment("frozen"));
    await changeExperimentStatus(systemContext(h.db), { experiment: { key: "frozen" }, status: "ACTIVE" });
    expect((await failure("frozen", { key: "thawed" })).fieldErrors).toEqual({ key: ["The key cannot change once the experiment has left draft."] });
    expect((await failure("frozen", { experimentType: "BANDIT" })).fieldErrors).toEqual({
      experimentType: ["The type cannot change once the experiment has left draft."],
    });
    // Restating the current key is not a change.
    const same = await updateExperiment(systemContext(h.db), { experiment: { key: "frozen" }, changes: { key: "frozen", name: "Renamed" } });
    expect(same.name).toBe("Renamed");
  });

  it("keeps dates in order against the stored ones, and refuses a taken key or unknown owner", async () => {
    await createExperiment(systemContext(h.db), readyExperiment("dated", { startDate: "2031-05-01", endDate: "2031-06-01" }));
    expect((await failure("dated", { endDate: "2031-04-01" })).fieldErrors).toEqual({ endDate: ["The end date must be after the start date."] });
    expect((await failure("dated", { key: "frozen" })).fieldErrors).toEqual({ key: ["This key is already used."] });
    expect((await failure("dated", { ownerId: "00000000-0000-4000-8000-000000000000" })).fieldErrors).toEqual({ ownerId: ["Choose an existing user."] });
    expect((await failure("dated", { status: "ACTIVE" } as never)).fieldErrors).toEqual({ _form: ['Unrecognized key: "status"'] });
  });

  it("replaces the variant list: updates by id, adds, removes, and swaps names and the control", async () => {
    const created = await createExperiment(systemContext(h.db), readyExperiment("variant-sync"));
    const [control, treatment] = created.variants;
    const updated = await updateExperiment(systemContext(h.db), {
      experiment: { key: "variant-sync" },
      changes: {
        variants: [
          { id: control!.id, name: "treatment", isControl: false, trafficAllocation: 30 },
          { id: treatment!.id, name: "control", isControl: true, trafficAllocation: 30, configuration: { color: "red" } },
          { name: "third", trafficAllocation: 40 },
        ],
      },
    });
    expect(updated.variants.map((v) => [v.id, v.name, v.isControl, v.trafficAllocation, v.configuration])).toEqual([
      [control!.id, "treatment", false, 30, {}],
      [treatment!.id, "control", true, 30, { color: "red" }],
      [updated.variants[2]!.id, "third", false, 40, {}],
    ]);
    const again = await updateExperiment(systemContext(h.db), {
      experiment: { key: "variant-sync" },
      changes: { variants: [{ id: treatment!.id, name: "control", isControl: true, trafficAllocation: 30, configuration: { color: "red" } }] },
    });
    expect(again.variants.map((v) => v.name)).toEqual(["control"]);
  });

  it("checks the variant list as a set and writes nothing when it fails", async () => {
    const created = await createExperiment(systemContext(h.db), readyExperiment("variant-checks"));
    const [control] = created.variants;
    expect(
      (
        await failure("variant-checks", {
          variants: [
            { id: control!.id, name: "control", isControl: true, trafficAllocation: 80 },
            { name: "new", isControl: true, trafficAllocation: 30 },
          ],
        })
      ).fieldErrors,
    ).toEqual({
      "variants.0.isControl": ["Only one variant can be the control."],
      "variants.1.isControl": ["Only one variant can be the control."],
      variants: ["The variants' traffic allocations would total 110%; at most 100% is possible."],
    });
    expect(
      (await failure("variant-checks", { variants: [{ id: "00000000-0000-4000-8000-000000000000", name: "x", trafficAllocation: 1 }] })).fieldErrors,
    ).toEqual({ "variants.0.id": ["This variant is not part of the experiment."] });
    expect((await failure("variant-checks", { experimentType: "SPLIT_URL" })).fieldErrors).toEqual({
      "variants.0.configuration.url": ['Variant "control": its configuration needs a "url": an absolute http(s) address, such as https://example.com/page.'],
      "variants.1.configuration.url": ['Variant "treatment": its configuration needs a "url": an absolute http(s) address, such as https://example.com/page.'],
    });
  });

  it("does not remove variants of a running experiment, nor variants with assigned users", async () => {
    const created = await createExperiment(systemContext(h.db), readyExperiment("running"));
    await changeExperimentStatus(systemContext(h.db), { experiment: { key: "running" }, status: "ACTIVE" });
    const [control, treatment] = created.variants;
    const keepOne = { variants: [{ id: control!.id, name: "control", isControl: true, trafficAllocation: 100 }] };
    const error = await failure("running", keepOne);
    expect(error).toBeInstanceOf(Conflict);
    expect(error.message).toBe('Variants cannot be removed while the experiment is ACTIVE; "treatment" stays.');
    await h.db.insert(assignments).values({ experimentId: created.id, variantId: treatment!.id, userId: "u1" });
    await changeExperimentStatus(systemContext(h.db), { experiment: { key: "running" }, status: "COMPLETED" });
    // Once completed, no variant edit is taken at all (see frozen-configuration.db.test.ts).
    expect((await failure("running", keepOne)).message).toMatch(/^This experiment is completed: its configuration is kept as it ran/);
  });

  it("requires experiment:update", async () => {
    await createExperiment(systemContext(h.db), readyExperiment("locked"));
    await expect(
      updateExperiment(contextWith(h.db, ["experiment:read", "experiment:create"]), { experiment: { key: "locked" }, changes: { name: "x" } }),
    ).rejects.toThrow(Forbidden);
    expect((await snapshot("locked")).row?.name).toBe("Experiment locked");
  });
});
