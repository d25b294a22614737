import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { reweightBandit } from "../../../services/bandits/reweight-bandit";
import { changeExperimentStatus } from "../../../services/experiments/change-experiment-status";
import { createExperiment } from "../../../services/experiments/create-experiment";
import { readyExperiment } from "../../../services/experiments/experiment-fixtures";
import { getExperiment } from "../../../services/experiments/get-experiment";
import { systemContext } from "../../../services/testing";
import { banditJsonSchema, banditSettingsJsonSchema, getBanditEndpoint, updateBanditSettingsEndpoint } from "./bandit";
import { type TestKeys, call, mintKeys } from "./endpoint-test-kit";

let h: DatabaseHandle;
let keys: TestKeys;
beforeAll(async () => {
  h = await createTestDatabase();
  keys = await mintKeys(h);
  await createExperiment(systemContext(h.db), readyExperiment("settings-bandit", { experimentType: "BANDIT" }));
  await createExperiment(systemContext(h.db), readyExperiment("settings-ab"));
});
afterAll(() => h.close());

const params = { key: "settings-bandit" };

describe("GET and PUT /api/v1/experiments/{key}/bandit", () => {
  it("answers the defaults (hourly, 5% floor, 100 users of burn-in) and no history before a re-weighting", async () => {
    const body = banditJsonSchema.parse((await call(h, getBanditEndpoint, { key: keys.viewer, params })).body);
    expect(body).toEqual({ settings: { intervalMinutes: 60, floorPercent: 5, burnInUsers: 100 }, history: [] });
  });

  it("changes the settings for an admin key, audited, and the next read shows them", async () => {
    const response = await call(h, updateBanditSettingsEndpoint, { key: keys.admin, params, body: { intervalMinutes: 15, floorPercent: 10, burnInUsers: 250 } });
    expect(response.status).toBe(200);
    expect(banditSettingsJsonSchema.parse(response.body)).toEqual({ intervalMinutes: 15, floorPercent: 10, burnInUsers: 250 });
    expect(banditJsonSchema.parse((await call(h, getBanditEndpoint, { key: keys.admin, params })).body).settings).toEqual({ intervalMinutes: 15, floorPercent: 10, burnInUsers: 250 });
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.action, "experiment.bandit_settings"));
    expect(audits.map((a) => a.after)).toEqual([{ intervalMinutes: 15, floorPercent: 10, burnInUsers: 250 }]);
  });

  it("answers 422 naming each bad field and changes nothing", async () => {
    const response = await call(h, updateBanditSettingsEndpoint, { key: keys.admin, params, body: { intervalMinutes: 0, floorPercent: 80, burnInUsers: 1.5 } });
    expect(response.status).toBe(422);
    const fields = (response.body as { error: { details: { fields: Record<string, string> } } }).error.details.fields;
    expect(Object.keys(fields).sort()).toEqual(["burnInUsers", "floorPercent", "intervalMinutes"]);
    expect(banditJsonSchema.parse((await call(h, getBanditEndpoint, { key: keys.admin, params })).body).settings).toEqual({ intervalMinutes: 15, floorPercent: 10, burnInUsers: 250 });
  });

  it("answers 409 for an experiment that is not a bandit, and 404 for an unknown key", async () => {
    for (const endpoint of [getBanditEndpoint, updateBanditSettingsEndpoint]) {
      const body = { intervalMinutes: 15, floorPercent: 10, burnInUsers: 250 };
      expect(await call(h, endpoint, { key: keys.admin, params: { key: "settings-ab" }, body })).toMatchObject({ status: 409, body: { error: { code: "conflict", message: expect.stringContaining("not a bandit") as string } } });
      expect((await call(h, endpoint, { key: keys.admin, params: { key: "nope" }, body })).status).toBe(404);
    }
  });

  it("lists the re-weightings, oldest first, each arm named", async () => {
    await changeExperimentStatus(systemContext(h.db), { experiment: params, status: "ACTIVE" });
    const bandit = await getExperiment(systemContext(h.db), params);
    for (const [index, variant] of bandit.variants.entries()) {
      await h.db.execute(sql`insert into experimentation.assignments (experiment_id, variant_id, user_id, created_at)
        select ${bandit.id}, ${variant.id}, ${`s${index}-`} || g, now() - interval '1 hour' from generate_series(1, 300) g`);
    }
    await reweightBandit(systemContext(h.db), params);
    const { history } = banditJsonSchema.parse((await call(h, getBanditEndpoint, { key: keys.viewer, params })).body);
    expect(history.map((entry) => entry.trigger)).toEqual(["start", "manual"]);
    expect(history[1]!.allocations.map((arm) => arm.variant)).toEqual(["control", "treatment"]);
  });
});
