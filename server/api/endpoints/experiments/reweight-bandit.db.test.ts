import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { experiments } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { banditReweightJsonSchema } from "../../../services/bandits/bandit.schema";
import { changeExperimentStatus } from "../../../services/experiments/change-experiment-status";
import { createExperiment } from "../../../services/experiments/create-experiment";
import { readyExperiment } from "../../../services/experiments/experiment-fixtures";
import { systemContext } from "../../../services/testing";
import { type TestKeys, call, mintKeys } from "./endpoint-test-kit";
import { reweightBanditEndpoint } from "./reweight-bandit";

let h: DatabaseHandle;
let keys: TestKeys;
beforeAll(async () => {
  h = await createTestDatabase();
  keys = await mintKeys(h);
});
afterAll(() => h.close());

describe("POST /api/v1/experiments/{key}/reweight", () => {
  it("re-weights a running bandit for an admin key and answers the recorded re-weighting", async () => {
    const sys = systemContext(h.db);
    const bandit = await createExperiment(sys, readyExperiment("api-bandit", { experimentType: "BANDIT" }));
    await h.db.update(experiments).set({ banditBurnInUsers: 10 }).where(eq(experiments.id, bandit.id));
    await changeExperimentStatus(sys, { experiment: { key: "api-bandit" }, status: "ACTIVE" });
    for (const [index, variant] of bandit.variants.entries()) {
      await h.db.execute(sql`insert into experimentation.assignments (experiment_id, variant_id, user_id, created_at)
        select ${bandit.id}, ${variant.id}, ${`v${index}-`} || g, now() - interval '1 hour' from generate_series(1, 50) g`);
    }
    const response = await call(h, reweightBanditEndpoint, { key: keys.admin, params: { key: "api-bandit" } });
    expect(response.status).toBe(200);
    const body = banditReweightJsonSchema.parse(response.body);
    expect(body.trigger).toBe("manual");
    expect(body.allocations.map((a) => a.variant)).toEqual(["control", "treatment"]);
    expect(body.allocations.reduce((sum, a) => sum + a.trafficAllocation, 0)).toBeCloseTo(100, 9);
  });

  it("answers 409 with the reason for an experiment that is not a bandit, and 404 for an unknown key", async () => {
    await createExperiment(systemContext(h.db), readyExperiment("api-ab"));
    expect(await call(h, reweightBanditEndpoint, { key: keys.admin, params: { key: "api-ab" } })).toMatchObject({
      status: 409,
      body: { error: { code: "conflict", message: expect.stringContaining("not a bandit") as string } },
    });
    expect((await call(h, reweightBanditEndpoint, { key: keys.admin, params: { key: "nope" } })).status).toBe(404);
  });
});
