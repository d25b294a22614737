import { eq } from "drizzle-orm";
import type { BanditSettings } from "@/core/bandits/plan-reweight";
import { experiments } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { Conflict } from "../../errors";
import type { ExperimentRef } from "../experiments/experiment.schema";
import { assertConfigurationEditable } from "../experiments/frozen-configuration";
import { findExperiment } from "../experiments/load-experiment";
import { validate } from "../validate";
import { banditSettingsSchema } from "./bandit.schema";

export function banditSettingsOf(row: { banditIntervalMinutes: number; banditFloorPercent: number; banditBurnInUsers: number }): BanditSettings {
  return { intervalMinutes: row.banditIntervalMinutes, floorPercent: row.banditFloorPercent, burnInUsers: row.banditBurnInUsers };
}

/**
 * Sets a bandit's re-weighting interval, floor and burn-in. They may change while it runs (the next
 * re-weighting uses them); a completed or archived experiment keeps the settings it ran with.
 */
export async function updateBanditSettings(ctx: ServiceContext, input: { experiment: ExperimentRef; settings: unknown }): Promise<BanditSettings> {
  authorize(ctx, "experiment", "update");
  const settings = validate(banditSettingsSchema, input.settings);
  return ctx.db.transaction(async (tx) => {
    const experiment = await findExperiment(tx, input.experiment, { lock: true });
    if (experiment.experimentType !== "BANDIT") throw new Conflict(`"${experiment.key}" is not a bandit experiment; bandit settings apply to bandits only.`);
    assertConfigurationEditable(experiment, ["banditSettings"], "its bandit settings");
    const before = banditSettingsOf(experiment);
    if (JSON.stringify(before) === JSON.stringify(settings)) return before;
    await tx
      .update(experiments)
      .set({ banditIntervalMinutes: settings.intervalMinutes, banditFloorPercent: settings.floorPercent, banditBurnInUsers: settings.burnInUsers, updatedAt: new Date() })
      .where(eq(experiments.id, experiment.id));
    await writeAudit(tx, ctx.actor, { action: "experiment.bandit_settings", entityType: "experiment", entityId: experiment.id, before, after: settings });
    return settings;
  });
}
