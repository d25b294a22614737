"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/server/actions/action";
import { reweightBandit } from "@/server/services/bandits/reweight-bandit";
import { updateBanditSettings } from "@/server/services/bandits/update-bandit-settings";

function experimentOf(form: FormData): { id: string } {
  return { id: String(form.get("experimentId") ?? "") };
}

/** The Bandit card's settings form; the service validates the three numbers. */
export const saveBanditSettingsAction = authedAction(async (ctx, form) => {
  await updateBanditSettings(ctx, {
    experiment: experimentOf(form),
    settings: { intervalMinutes: form.get("intervalMinutes"), floorPercent: form.get("floorPercent"), burnInUsers: form.get("burnInUsers") },
  });
  revalidatePath("/experiments/[key]", "page");
  return { ok: true, message: "Bandit settings saved." };
});

/** "Re-weight now": a burn-in not yet over or a stopped bandit answers with the reason. */
export const reweightBanditAction = authedAction(async (ctx, form) => {
  await reweightBandit(ctx, experimentOf(form));
  revalidatePath("/experiments/[key]", "page");
  return { ok: true, message: "Re-weighted: new users are split by the shares below." };
});
