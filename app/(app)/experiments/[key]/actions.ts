"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { experimentFieldsFromForm, variantsFromForm } from "@/components/experiments/experiment-form-data";
import { MOVE_DONE } from "@/components/experiments/lifecycle-text";
import { authedAction } from "@/server/actions/action";
import type { ServiceContext } from "@/server/context";
import { StartGuardsFailed, changeExperimentStatus } from "@/server/services/experiments/change-experiment-status";
import { deleteExperiment } from "@/server/services/experiments/delete-experiment";
import { duplicateExperiment } from "@/server/services/experiments/duplicate-experiment";
import { changeExperimentStatusSchema, updateExperimentSchema } from "@/server/services/experiments/experiment.schema";
import { updateExperiment } from "@/server/services/experiments/update-experiment";
import { validate } from "@/server/services/validate";

/** Every experiment form names its experiment by id in a hidden field; the services find (or refuse) it. */
function experimentOf(form: FormData): { id: string } {
  return { id: String(form.get("experimentId") ?? "") };
}

function refreshExperimentPages(): void {
  revalidatePath("/experiments");
  revalidatePath("/experiments/[key]", "page");
}

/** `changes` is unchecked form input: the schema types it, the service checks it again. */
async function saveChanges(ctx: ServiceContext, form: FormData, changes: unknown) {
  const experiment = await updateExperiment(ctx, { experiment: experimentOf(form), changes: validate(updateExperimentSchema, changes) });
  refreshExperimentPages();
  return experiment;
}

/** The Overview card: the experiment's own fields. A new key moves the page to its new address. */
export const updateExperimentAction = authedAction(async (ctx, form) => {
  const previousKey = String(form.get("currentKey") ?? "");
  const experiment = await saveChanges(ctx, form, experimentFieldsFromForm(form));
  if (experiment.key !== previousKey) redirect(`/experiments/${experiment.key}`);
  return { ok: true, message: "Saved." };
});

/** The Variants card: the complete list (rows without an id are added, missing ones removed). */
export const saveVariantsAction = authedAction(async (ctx, form) => {
  await saveChanges(ctx, form, { variants: variantsFromForm(form) });
  return { ok: true, message: "Variants saved." };
});

/** The Targeting card. */
export const saveTargetingAction = authedAction(async (ctx, form) => {
  const { targetingRules } = experimentFieldsFromForm(form);
  await saveChanges(ctx, form, { targetingRules: targetingRules ?? null });
  return { ok: true, message: "Targeting saved." };
});

/**
 * Start, pause, resume, complete, archive. A start refused by its guards answers with one field error
 * per failed guard, keyed `guard.<name>`, for the checklist.
 */
export const changeStatusAction = authedAction(async (ctx, form) => {
  const { status } = validate(changeExperimentStatusSchema, { status: form.get("status") });
  try {
    const result = await changeExperimentStatus(ctx, { experiment: experimentOf(form), status });
    refreshExperimentPages();
    if (result.outcome === "scheduled") {
      const start = result.experiment.startDate?.toISOString() ?? "its start date";
      return { ok: true, message: `Scheduled: the experiment passed its checks and will start at ${start}.` };
    }
    return { ok: true, message: MOVE_DONE[result.experiment.status] };
  } catch (error) {
    if (!(error instanceof StartGuardsFailed)) throw error;
    const fieldErrors: Record<string, string[]> = {};
    for (const failure of error.failures) (fieldErrors[`guard.${failure.guard}`] ??= []).push(failure.message);
    return { ok: false, message: error.message, fieldErrors };
  }
});

/** Only drafts can be deleted (the service refuses the rest); the list is where one lands afterwards. */
export const deleteExperimentAction = authedAction(async (ctx, form) => {
  await deleteExperiment(ctx, experimentOf(form));
  revalidatePath("/experiments");
  redirect("/experiments");
});

export const duplicateExperimentAction = authedAction(async (ctx, form) => {
  const copy = await duplicateExperiment(ctx, { experiment: experimentOf(form) });
  revalidatePath("/experiments");
  redirect(`/experiments/${copy.key}`);
});
