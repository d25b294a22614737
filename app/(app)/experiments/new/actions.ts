"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createExperimentFromForm } from "@/components/experiments/experiment-form-data";
import { authedAction } from "@/server/actions/action";
import { createExperiment } from "@/server/services/experiments/create-experiment";
import { createExperimentSchema } from "@/server/services/experiments/experiment.schema";
import { validate } from "@/server/services/validate";

export const createExperimentAction = authedAction(async (ctx, form) => {
  // The schema checks the form's text first so that the service gets typed input; it checks again.
  const experiment = await createExperiment(ctx, validate(createExperimentSchema, createExperimentFromForm(form)));
  revalidatePath("/experiments");
  redirect(`/experiments/${experiment.key}`);
});
