import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { experiments } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Conflict, Forbidden, Invalid } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { changeExperimentStatus } from "./change-experiment-status";
import { createExperiment } from "./create-experiment";
import { duplicateExperiment } from "./duplicate-experiment";
import { auditRows, readyExperiment } from "./experiment-fixtures";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

describe("duplicateExperiment", () => {
  it("copies a running experiment into a new draft with its variants and metrics, without dates", async () => {
    const source = await createExperiment(
      systemContext(h.db),
      readyExperiment("pricing", {
        description: "d",
        tags: ["t"],
        targetingRules: { country: "FR" },
        metrics: { alpha: 0.1 },
        endDate: new Date(Date.now() + 86_400_000),
        variants: [
          { name: "b-first", isControl: true, trafficAllocation: 10 },
          { name: "a-second", trafficAllocation: 20, configuration: { price: 9 } },
        ],
      }),
    );
    await changeExperimentStatus(systemContext(h.db), { experiment: { key: "pricing" }, status: "ACTIVE" });
    const copy = await duplicateExperiment(systemContext(h.db), { experiment: { key: "pricing" } });
    expect(copy).toMatchObject({
      key: "pricing-copy",
      name: "Experiment pricing (copy)",
      status: "DRAFT",
      description: "d",
      tags: ["t"],
      targetingRules: { country: "FR" },
      metrics: { alpha: 0.1 },
      startDate: null,
      endDate: null,
    });
    expect(copy.id).not.toBe(source.id);
    expect(copy.variants.map((v) => [v.name, v.isControl, v.trafficAllocation, v.configuration])).toEqual([
      ["b-first", true, 10, {}],
      ["a-second", false, 20, { price: 9 }],
    ]);
    expect(copy.variants.map((v) => v.id)).not.toContain(source.variants[0]?.id);
    expect(copy.metricDefinitions.map((m) => [m.name, m.isPrimary])).toEqual([["Purchases", true]]);
    const [audit] = await auditRows(h.db, copy.id);
    expect(audit).toMatchObject({ action: "experiment.duplicate", entityType: "experiment" });
    expect(audit?.after).toMatchObject({ key: "pricing-copy", duplicatedFrom: { id: source.id, key: "pricing" } });
  });

  it("numbers further copies, also when copying a copy", async () => {
    expect((await duplicateExperiment(systemContext(h.db), { experiment: { key: "pricing" } })).key).toBe("pricing-copy-2");
    expect((await duplicateExperiment(systemContext(h.db), { experiment: { key: "pricing-copy" } })).key).toBe("pricing-copy-3");
  });

  it("takes a key and name when given, refusing a taken or malformed key", async () => {
    const named = await duplicateExperiment(systemContext(h.db), { experiment: { key: "pricing" }, key: "pricing-v2", name: "Pricing v2" });
    expect([named.key, named.name]).toEqual(["pricing-v2", "Pricing v2"]);
    const before = await h.db.$count(experiments);
    await expect(duplicateExperiment(systemContext(h.db), { experiment: { key: "pricing" }, key: "pricing-v2" })).rejects.toThrow(Conflict);
    await expect(duplicateExperiment(systemContext(h.db), { experiment: { key: "pricing" }, key: "Pricing V3" })).rejects.toThrow(Invalid);
    expect(await h.db.$count(experiments)).toBe(before);
  });

  it("requires experiment:create", async () => {
    const before = await h.db.$count(experiments);
    await expect(duplicateExperiment(contextWith(h.db, ["experiment:read"]), { experiment: { key: "pricing" } })).rejects.toThrow(Forbidden);
    expect(await h.db.$count(experiments)).toBe(before);
    expect(await h.db.$count(experiments, eq(experiments.status, "DRAFT"))).toBe(before - 1);
  });
});
