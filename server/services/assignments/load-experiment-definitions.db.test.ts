import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { banditAllocations } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { changeExperimentStatus } from "../experiments/change-experiment-status";
import { createExperiment } from "../experiments/create-experiment";
import { readyExperiment } from "../experiments/experiment-fixtures";
import { systemContext } from "../testing";
import { loadExperimentDefinitions } from "./load-experiment-definitions";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  const ctx = systemContext(h.db);
  await createExperiment(ctx, readyExperiment("b-active", {
    targetingRules: { plan: "pro" },
    variants: [
      { name: "zeta", isControl: true, trafficAllocation: 10 },
      { name: "alpha", trafficAllocation: 20, configuration: { x: 1 } },
      { name: "mid", trafficAllocation: 30 },
    ],
  }));
  await createExperiment(ctx, readyExperiment("a-active", { experimentType: "MULTIVARIATE" }));
  await createExperiment(ctx, readyExperiment("draft"));
  await createExperiment(ctx, readyExperiment("paused"));
  for (const key of ["b-active", "a-active", "paused"]) await changeExperimentStatus(ctx, { experiment: { key }, status: "ACTIVE" });
  await changeExperimentStatus(ctx, { experiment: { key: "paused" }, status: "PAUSED" });
});
afterAll(() => h.close());

describe("loadExperimentDefinitions", () => {
  it("loads every ACTIVE experiment with its variants in bucket order", async () => {
    const definitions = await loadExperimentDefinitions(h.db);
    expect(definitions.map((d) => [d.key, d.status, d.experimentType])).toEqual([
      ["a-active", "ACTIVE", "MULTIVARIATE"],
      ["b-active", "ACTIVE", "A_B"],
    ]);
    const b = definitions[1]!;
    expect(b.targetingRules).toEqual({ plan: "pro" });
    expect(b.variants.map((v) => [v.name, v.isControl, v.trafficAllocation, v.configuration])).toEqual([
      ["zeta", true, 10, {}],
      ["alpha", false, 20, { x: 1 }],
      ["mid", false, 30, {}],
    ]);
    expect(Object.keys(b.variants[0]!).sort()).toEqual(["configuration", "id", "isControl", "name", "trafficAllocation"]);
  });

  it("loads only the given keys, skipping ones that are not active", async () => {
    expect((await loadExperimentDefinitions(h.db, ["b-active", "draft", "paused", "nope"])).map((d) => d.key)).toEqual(["b-active"]);
    expect(await loadExperimentDefinitions(h.db, [])).toEqual([]);
  });
});

describe("bandit weights", () => {
  it("assigns a bandit by its newest re-weighting, in variant order, and by allocations before any", async () => {
    const ctx = systemContext(h.db);
    await createExperiment(ctx, readyExperiment("bandit-arms", { experimentType: "BANDIT" }));
    await changeExperimentStatus(ctx, { experiment: { key: "bandit-arms" }, status: "ACTIVE" });
    const [before] = await loadExperimentDefinitions(h.db, ["bandit-arms"]);
    expect(before?.weights).toBeUndefined();

    const [control, treatment] = before?.variants ?? [];
    await h.db.insert(banditAllocations).values([
      { experimentId: before?.id ?? "", trigger: "schedule", allocations: [{ variantId: control?.id, weight: 50 }, { variantId: treatment?.id, weight: 50 }], createdAt: new Date("2026-01-01T00:00:00Z") },
      { experimentId: before?.id ?? "", trigger: "schedule", allocations: [{ variantId: treatment?.id, weight: 90 }, { variantId: control?.id, weight: 10 }], createdAt: new Date("2026-01-02T00:00:00Z") },
    ]);
    const [after] = await loadExperimentDefinitions(h.db, ["bandit-arms"]);
    expect(after?.weights).toEqual([10, 90]);
  });
});
