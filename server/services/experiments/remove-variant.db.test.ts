import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assignments, variants } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Conflict, Forbidden, NotFound } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { changeExperimentStatus } from "./change-experiment-status";
import { createExperiment } from "./create-experiment";
import { auditRows, readyExperiment } from "./experiment-fixtures";
import { removeVariant } from "./remove-variant";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

async function exists(id: string): Promise<boolean> {
  return (await h.db.$count(variants, eq(variants.id, id))) === 1;
}

describe("removeVariant", () => {
  it("removes a draft's variant and audits it", async () => {
    const created = await createExperiment(systemContext(h.db), readyExperiment("draft"));
    const treatment = created.variants[1]!;
    expect((await removeVariant(systemContext(h.db), { experiment: { key: "draft" }, variantId: treatment.id })).name).toBe("treatment");
    expect(await exists(treatment.id)).toBe(false);
    const audit = await auditRows(h.db, treatment.id);
    expect(audit.map((row) => [row.action, row.after])).toEqual([["variant.delete", null]]);
    expect(audit[0]?.before).toMatchObject({ id: treatment.id, name: "treatment" });
    await expect(removeVariant(systemContext(h.db), { experiment: { key: "draft" }, variantId: treatment.id })).rejects.toThrow(NotFound);
  });

  it.each(["ACTIVE", "PAUSED"] as const)("keeps the variants of a %s experiment", async (status) => {
    const key = `live-${status.toLowerCase()}`;
    const created = await createExperiment(systemContext(h.db), readyExperiment(key));
    await changeExperimentStatus(systemContext(h.db), { experiment: { key }, status: "ACTIVE" });
    if (status === "PAUSED") await changeExperimentStatus(systemContext(h.db), { experiment: { key }, status });
    const error = await removeVariant(systemContext(h.db), { experiment: { key }, variantId: created.variants[1]!.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).message).toBe(`Variants cannot be removed while the experiment is ${status}; "treatment" stays.`);
    expect(await exists(created.variants[1]!.id)).toBe(true);
  });

  it("keeps every variant of a completed experiment, with or without assigned users (its configuration is history)", async () => {
    const created = await createExperiment(systemContext(h.db), readyExperiment("done"));
    const [control, treatment] = created.variants;
    await changeExperimentStatus(systemContext(h.db), { experiment: { key: "done" }, status: "ACTIVE" });
    await h.db.insert(assignments).values([
      { experimentId: created.id, variantId: control!.id, userId: "u1" },
      { experimentId: created.id, variantId: control!.id, userId: "u2" },
    ]);
    await changeExperimentStatus(systemContext(h.db), { experiment: { key: "done" }, status: "COMPLETED" });
    for (const variant of [control!, treatment!]) {
      await expect(removeVariant(systemContext(h.db), { experiment: { key: "done" }, variantId: variant.id })).rejects.toThrow(
        "This experiment is completed: its configuration is kept as it ran, so its variants can no longer change.",
      );
    }
    expect([await exists(control!.id), await exists(treatment!.id)]).toEqual([true, true]);
  });

  it("requires experiment:update", async () => {
    const created = await createExperiment(systemContext(h.db), readyExperiment("guarded"));
    await expect(removeVariant(contextWith(h.db, ["experiment:read", "experiment:delete"]), { experiment: { key: "guarded" }, variantId: created.variants[0]!.id })).rejects.toThrow(Forbidden);
    expect(await exists(created.variants[0]!.id)).toBe(true);
  });
});
