"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/server/actions/action";
import { changeFlagStatus } from "@/server/services/flags/change-flag-status";
import { changeFlagStatusSchema } from "@/server/services/flags/flag.schema";
import { validate } from "@/server/services/validate";

/**
 * The list's on/off switch: `flagId` names the flag (an id survives a rename in another tab), `status`
 * is the state asked for. Turning on what is already on changes nothing and says so.
 */
export const changeFlagStatusAction = authedAction(async (ctx, form) => {
  const { status } = validate(changeFlagStatusSchema, { status: form.get("status") });
  const { flag, outcome } = await changeFlagStatus(ctx, { flag: { id: String(form.get("flagId") ?? "") }, status });
  revalidatePath("/flags");
  revalidatePath("/flags/[key]", "page");
  const state = flag.status === "ACTIVE" ? "on" : "off";
  return { ok: true, message: outcome === "changed" ? `${flag.key} is ${state}.` : `${flag.key} was already ${state}.` };
});
