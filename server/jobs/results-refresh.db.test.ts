import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { changeExperimentStatus } from "../services/experiments/change-experiment-status";
import { createExperiment } from "../services/experiments/create-experiment";
import { readyExperiment } from "../services/experiments/experiment-fixtures";
import { assign, track } from "../services/results/results-fixtures";
import { loadVariantStatistics } from "../services/results/stored-statistics";
import { systemContext } from "../services/testing";
import { startResultsRefresh } from "./results-refresh";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

describe("startResultsRefresh", () => {
  it("refreshes running experiments and leaves drafts alone", async () => {
    const sys = systemContext(h.db);
    const running = await createExperiment(sys, readyExperiment("running"));
    await changeExperimentStatus(sys, { experiment: { key: "running" }, status: "ACTIVE" });
    const draft = await createExperiment(sys, readyExperiment("draft"));
    await assign(h.db, running, "control", ["u1"]);
    await assign(h.db, draft, "control", ["u1"]);
    await track(h.db, [{ user: "u1", type: "purchase" }]);
    const stop = startResultsRefresh(h.db, 60_000);
    await stop(); // waits for the first tick's refresh
    // u1 converted: 1 of 1 in the running experiment's control.
    expect(await loadVariantStatistics(h.db, running.id)).toMatchObject([{ users: 1, sum: 1, sumSquares: 1 }]);
    expect(await loadVariantStatistics(h.db, draft.id)).toEqual([]);
  });
});
