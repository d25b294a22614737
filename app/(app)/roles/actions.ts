"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/server/actions/action";
import { createRole } from "@/server/services/roles/create-role";
import { RoleInUse, deleteRole } from "@/server/services/roles/delete-role";
import { updateRole } from "@/server/services/roles/update-role";

const permissionsOf = (form: FormData) => form.getAll("permissions").filter((v): v is string => typeof v === "string");

export const createRoleAction = authedAction(async (ctx, form) => {
  const role = await createRole(ctx, { name: String(form.get("name") ?? ""), description: String(form.get("description") ?? ""), permissions: permissionsOf(form) });
  revalidatePath("/roles");
  redirect(`/roles/${encodeURIComponent(role.name)}`);
});

export const updateRoleAction = authedAction(async (ctx, form) => {
  await updateRole(ctx, { role: String(form.get("role") ?? ""), changes: { description: String(form.get("description") ?? ""), permissions: permissionsOf(form) } });
  revalidatePath("/roles");
  revalidatePath("/roles/[name]", "page");
  return { ok: true, message: "Saved. The role's users and keys have the new permissions now." };
});

/** A role in use answers with the count and a `confirm` field error, so the page can ask. */
export const deleteRoleAction = authedAction(async (ctx, form) => {
  try {
    await deleteRole(ctx, { role: String(form.get("role") ?? ""), confirm: form.get("confirm") === "true" });
  } catch (error) {
    if (error instanceof RoleInUse) return { ok: false, message: error.message, fieldErrors: { confirm: [error.message] } };
    throw error;
  }
  revalidatePath("/roles");
  redirect("/roles");
});
