import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { experiments, metrics, variants } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Conflict, Forbidden, NotFound } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { changeExperimentStatus } from "./change-experiment-status";
import { createExperiment } from "./create-experiment";
import { deleteExperiment } from "./delete-experiment";
import { auditRows, readyExperiment } from "./experiment-fixtures";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

describe("deleteExperiment", () => {
  it("deletes a draft with its variants and metrics, auditing what was there", async () => {
    const created = await createExperiment(systemContext(h.db), readyExperiment("doomed"));
    expect(await deleteExperiment(systemContext(h.db), { key: "doomed" })).toEqual({ id: created.id, key: "doomed" });
    expect(await h.db.$count(experiments, eq(experiments.id, created.id))).toBe(0);
    expect(await h.db.$count(variants, eq(variants.experimentId, created.id))).toBe(0);
    expect(await h.db.$count(metrics, eq(metrics.experimentId, created.id))).toBe(0);
    const audit = await auditRows(h.db, created.id);
    expect(audit.map((row) => row.action)).toEqual(["experiment.create", "experiment.delete"]);
    expect(audit[1]?.before).toMatchObject({ key: "doomed", variants: [{ name: "control" }, { name: "treatment" }] });
    await expect(deleteExperiment(systemContext(h.db), { key: "doomed" })).rejects.toThrow(NotFound);
  });

  it.each(["ACTIVE", "ARCHIVED"] as const)("refuses a %s experiment", async (status) => {
    const key = `kept-${status.toLowerCase()}`;
    await createExperiment(systemContext(h.db), readyExperiment(key));
    await changeExperimentStatus(systemContext(h.db), { experiment: { key }, status });
    const error = await deleteExperiment(systemContext(h.db), { key }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).message).toBe(`Only draft experiments can be deleted; "${key}" is ${status}. Archive it instead.`);
    expect(await h.db.$count(experiments, eq(experiments.key, key))).toBe(1);
  });

  it("requires experiment:delete", async () => {
    await createExperiment(systemContext(h.db), readyExperiment("protected"));
    await expect(deleteExperiment(contextWith(h.db, ["experiment:read", "experiment:update"]), { key: "protected" })).rejects.toThrow(Forbidden);
    expect(await h.db.$count(experiments, eq(experiments.key, "protected"))).toBe(1);
  });
});
