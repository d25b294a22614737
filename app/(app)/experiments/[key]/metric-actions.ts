"use server";

import { revalidatePath } from "next/cache";
import { metricFromForm } from "@/components/experiments/experiment-form-data";
import { authedAction } from "@/server/actions/action";
import { addMetric } from "@/server/services/experiments/add-metric";
import { metricSchema, updateMetricSchema } from "@/server/services/experiments/experiment.schema";
import { removeMetric } from "@/server/services/experiments/remove-metric";
import { updateMetric } from "@/server/services/experiments/update-metric";
import { validate } from "@/server/services/validate";

function target(form: FormData) {
  return { experiment: { id: String(form.get("experimentId") ?? "") }, metricId: String(form.get("metricId") ?? "") };
}

function refresh(): void {
  revalidatePath("/experiments/[key]", "page");
}

export const addMetricAction = authedAction(async (ctx, form) => {
  await addMetric(ctx, { experiment: target(form).experiment, metric: validate(metricSchema, metricFromForm(form)) });
  refresh();
  return { ok: true, message: "Metric added." };
});

export const updateMetricAction = authedAction(async (ctx, form) => {
  await updateMetric(ctx, { ...target(form), changes: validate(updateMetricSchema, metricFromForm(form)) });
  refresh();
  return { ok: true, message: "Metric saved." };
});

/** The primary toggle: `isPrimary` is "true" or "false". */
export const setPrimaryMetricAction = authedAction(async (ctx, form) => {
  await updateMetric(ctx, { ...target(form), changes: { isPrimary: form.get("isPrimary") === "true" } });
  refresh();
});

export const removeMetricAction = authedAction(async (ctx, form) => {
  await removeMetric(ctx, target(form));
  refresh();
  return { ok: true, message: "Metric removed." };
});
