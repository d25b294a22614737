import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { Forbidden } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { changeExperimentStatus } from "./change-experiment-status";
import { countExperimentsByStatus } from "./count-experiments-by-status";
import { createExperiment } from "./create-experiment";
import { readyExperiment } from "./experiment-fixtures";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

describe("countExperimentsByStatus", () => {
  it("counts every status, zero included", async () => {
    const ctx = systemContext(h.db);
    for (const key of ["a", "b", "c"]) await createExperiment(ctx, readyExperiment(key));
    await changeExperimentStatus(ctx, { experiment: { key: "a" }, status: "ACTIVE" });
    expect(await countExperimentsByStatus(ctx)).toEqual({ DRAFT: 2, ACTIVE: 1, PAUSED: 0, COMPLETED: 0, ARCHIVED: 0 });
  });

  it("needs experiment:read", async () => {
    await expect(countExperimentsByStatus(contextWith(h.db, ["feature_flag:read"]))).rejects.toThrow(Forbidden);
  });
});
