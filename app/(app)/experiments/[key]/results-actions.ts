"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/server/actions/action";
import { refreshExperimentResults } from "@/server/services/results/refresh-results";

/** The Results tab's Refresh: folds the newest events into the stored statistics, then redraws the page. */
export const refreshResultsAction = authedAction(async (ctx, form) => {
  await refreshExperimentResults(ctx, { key: String(form.get("key") ?? "") });
  revalidatePath("/experiments/[key]", "page");
  return { ok: true, message: "Results updated." };
});
