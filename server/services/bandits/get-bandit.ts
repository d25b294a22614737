import type { BanditSettings } from "@/core/bandits/plan-reweight";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { Conflict } from "../../errors";
import type { ExperimentRef } from "../experiments/experiment.schema";
import { findExperiment } from "../experiments/load-experiment";
import { type BanditHistoryEntry, banditHistory } from "./list-bandit-allocations";
import { banditSettingsOf } from "./update-bandit-settings";

export interface BanditOverview {
  settings: BanditSettings;
  history: BanditHistoryEntry[];
}

/** A bandit's settings and its recorded re-weightings (oldest first); 409 for any other type of experiment. */
export async function getBandit(ctx: ServiceContext, ref: ExperimentRef): Promise<BanditOverview> {
  authorize(ctx, "experiment", "read");
  return ctx.db.transaction(async (tx) => {
    const experiment = await findExperiment(tx, ref);
    if (experiment.experimentType !== "BANDIT") throw new Conflict(`"${experiment.key}" is not a bandit experiment; it has no bandit settings or re-weightings.`);
    return { settings: banditSettingsOf(experiment), history: await banditHistory(tx, experiment.id) };
  });
}
