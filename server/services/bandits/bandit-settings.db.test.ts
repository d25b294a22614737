import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, experiments } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Conflict, Forbidden, Invalid } from "../../errors";
import { createExperiment } from "../experiments/create-experiment";
import { readyExperiment } from "../experiments/experiment-fixtures";
import { contextWith, systemContext } from "../testing";
import { listBanditAllocations } from "./list-bandit-allocations";
import { updateBanditSettings } from "./update-bandit-settings";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

const row = async (key: string) => (await h.db.select().from(experiments).where(eq(experiments.key, key)))[0]!;

describe("updateBanditSettings", () => {
  it("has the documented defaults and saves new settings with an audit row", async () => {
    await createExperiment(systemContext(h.db), readyExperiment("settings-bandit", { experimentType: "BANDIT" }));
    expect(await row("settings-bandit")).toMatchObject({ banditIntervalMinutes: 60, banditFloorPercent: 5, banditBurnInUsers: 100 });
    const saved = await updateBanditSettings(systemContext(h.db), { experiment: { key: "settings-bandit" }, settings: { intervalMinutes: "30", floorPercent: "10", burnInUsers: "250" } });
    expect(saved).toEqual({ intervalMinutes: 30, floorPercent: 10, burnInUsers: 250 });
    const experiment = await row("settings-bandit");
    expect(experiment).toMatchObject({ banditIntervalMinutes: 30, banditFloorPercent: 10, banditBurnInUsers: 250 });
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.entityId, experiment.id));
    expect(audits.map((a) => a.action)).toContain("experiment.bandit_settings");
  });

  it("refuses bad values, other experiment types and viewers, changing nothing", async () => {
    await createExperiment(systemContext(h.db), readyExperiment("settings-refused", { experimentType: "BANDIT" }));
    const bad = await updateBanditSettings(systemContext(h.db), { experiment: { key: "settings-refused" }, settings: { intervalMinutes: 0, floorPercent: 60, burnInUsers: 1.5 } }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(Invalid);
    expect(Object.keys((bad as Invalid).fieldErrors).sort()).toEqual(["burnInUsers", "floorPercent", "intervalMinutes"]);
    await createExperiment(systemContext(h.db), readyExperiment("settings-ab"));
    await expect(updateBanditSettings(systemContext(h.db), { experiment: { key: "settings-ab" }, settings: { intervalMinutes: 30, floorPercent: 5, burnInUsers: 10 } })).rejects.toBeInstanceOf(Conflict);
    await expect(
      updateBanditSettings(contextWith(h.db, ["experiment:read"]), { experiment: { key: "settings-refused" }, settings: { intervalMinutes: 30, floorPercent: 5, burnInUsers: 10 } }),
    ).rejects.toBeInstanceOf(Forbidden);
    expect(await row("settings-refused")).toMatchObject({ banditIntervalMinutes: 60, banditFloorPercent: 5, banditBurnInUsers: 100 });
  });
});

describe("listBanditAllocations", () => {
  it("needs read permission and answers an empty history for a bandit not yet re-weighted", async () => {
    await createExperiment(systemContext(h.db), readyExperiment("history-empty", { experimentType: "BANDIT" }));
    expect(await listBanditAllocations(contextWith(h.db, ["experiment:read"]), { key: "history-empty" })).toEqual([]);
    await expect(listBanditAllocations(contextWith(h.db, []), { key: "history-empty" })).rejects.toBeInstanceOf(Forbidden);
  });
});
