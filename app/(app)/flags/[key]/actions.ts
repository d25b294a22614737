"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { readFlagForm, readOverrideForm } from "@/components/flags/flag-form-data";
import type { FlagTestView } from "@/components/flags/flag-test-view";
import { overrideIsActive } from "@/core/flags/evaluate-flag";
import { authedAction } from "@/server/actions/action";
import { formInput } from "@/server/actions/flag-form-input";
import { bulkUpsertOverrides } from "@/server/services/flags/bulk-upsert-overrides";
import { changeFlagStatus } from "@/server/services/flags/change-flag-status";
import { deleteFlag } from "@/server/services/flags/delete-flag";
import { duplicateFlag } from "@/server/services/flags/duplicate-flag";
import { changeFlagStatusSchema, updateFlagSchema } from "@/server/services/flags/flag.schema";
import { bulkUpsertOverridesSchema, testFlagSchema, upsertOverrideSchema } from "@/server/services/flags/override.schema";
import { removeOverride } from "@/server/services/flags/remove-override";
import { testFlag } from "@/server/services/flags/test-flag";
import { updateFlag } from "@/server/services/flags/update-flag";
import { upsertOverride } from "@/server/services/flags/upsert-override";
import { validate } from "@/server/services/validate";
import { parseJsonText } from "@/components/experiments/experiment-form-data";

/** Every flag form names its flag by id in a hidden field; the services find (or refuse) it. */
function flagOf(form: FormData): { id: string } {
  return { id: String(form.get("flagId") ?? "") };
}

function refreshFlagPages(): void {
  revalidatePath("/flags");
  revalidatePath("/flags/[key]", "page");
}

/** The Settings tab: details, type and variants, rollout (the key never changes). */
export const updateFlagAction = authedAction(async (ctx, form) => {
  const changes = validate(updateFlagSchema, formInput(readFlagForm(form)));
  await updateFlag(ctx, { flag: flagOf(form), changes });
  refreshFlagPages();
  return { ok: true, message: "Settings saved." };
});

/** The Rules tab: the complete ordered list. */
export const saveFlagRulesAction = authedAction(async (ctx, form) => {
  const { targetingRules } = validate(updateFlagSchema, formInput(readFlagForm(form)));
  await updateFlag(ctx, { flag: flagOf(form), changes: { targetingRules: targetingRules ?? [] } });
  refreshFlagPages();
  return { ok: true, message: "Rules saved." };
});

export const changeFlagStatusAction = authedAction(async (ctx, form) => {
  const { status } = validate(changeFlagStatusSchema, { status: form.get("status") });
  await changeFlagStatus(ctx, { flag: flagOf(form), status });
  refreshFlagPages();
  return { ok: true, message: status === "ACTIVE" ? "The flag is on: users get what its overrides, rules and rollout give them." : "The flag is off: every user gets the off value." };
});

export const duplicateFlagAction = authedAction(async (ctx, form) => {
  const copy = await duplicateFlag(ctx, { flag: flagOf(form) });
  revalidatePath("/flags");
  redirect(`/flags/${copy.key}`);
});

export const deleteFlagAction = authedAction(async (ctx, form) => {
  await deleteFlag(ctx, flagOf(form));
  revalidatePath("/flags");
  redirect("/flags");
});

/** Adds one user's override or replaces it (edit). */
export const saveOverrideAction = authedAction(async (ctx, form) => {
  const input = validate(upsertOverrideSchema, formInput(readOverrideForm(form)));
  const { override, created } = await upsertOverride(ctx, { flag: flagOf(form), ...input });
  refreshFlagPages();
  return { ok: true, message: `${created ? "Added" : "Saved"} the override for ${override.userId}.` };
});

/** Pasted user ids: one value, reason and expiry for all of them. */
export const bulkOverridesAction = authedAction(async (ctx, form) => {
  const input = validate(bulkUpsertOverridesSchema, formInput(readOverrideForm(form)));
  const { created, updated } = await bulkUpsertOverrides(ctx, { flag: flagOf(form), ...input });
  refreshFlagPages();
  return { ok: true, message: `Added ${created} ${created === 1 ? "override" : "overrides"}${updated > 0 ? `, replaced ${updated}` : ""}.` };
});

export const removeOverrideAction = authedAction(async (ctx, form) => {
  const { userId } = await removeOverride(ctx, { flag: flagOf(form), userId: String(form.get("userId") ?? "") });
  refreshFlagPages();
  return { ok: true, message: `Removed the override for ${userId}.` };
});

/** "Test a user": reads only; a viewer may use it. */
export const testFlagAction = authedAction<FlagTestView>(async (ctx, form) => {
  const input = validate(testFlagSchema, { userId: form.get("userId"), context: parseJsonText(String(form.get("context") ?? "{}")) });
  const result = await testFlag(ctx, { flag: flagOf(form), ...input });
  const now = new Date();
  const override = result.userOverride;
  return {
    ok: true,
    data: {
      enabled: result.enabled,
      value: result.value,
      variant: result.variant,
      reason: result.reason,
      decidedBy: result.decidedBy,
      rule: result.rule,
      userOverride: override
        ? { value: override.value, expiresAt: override.expiresAt?.toISOString() ?? null, reason: override.reason, active: overrideIsActive(override, now) }
        : null,
    },
  };
});
