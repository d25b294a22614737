"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/server/actions/action";
import { createUser } from "@/server/services/users/create-user";
import { resetUserPassword } from "@/server/services/users/reset-user-password";
import { updateUser } from "@/server/services/users/update-user";
import { userFormFields } from "@/components/users/user-form-data";

function refresh(): void {
  revalidatePath("/users");
  revalidatePath("/users/[id]", "page");
}

export const createUserAction = authedAction(async (ctx, form) => {
  const user = await createUser(ctx, userFormFields(form, "create"));
  refresh();
  return user.oneTimePassword
    ? { ok: true, message: `Created ${user.username}. Give them this one-time password; it is shown only now.`, reveal: user.oneTimePassword }
    : { ok: true, message: `Created ${user.username}.` };
});

export const updateUserAction = authedAction(async (ctx, form) => {
  const { user, ...changes } = userFormFields(form, "update");
  await updateUser(ctx, { user, changes });
  refresh();
  return { ok: true, message: "Saved." };
});

/** Deactivate or reactivate: `active` is "true" or "false". */
export const setUserActiveAction = authedAction(async (ctx, form) => {
  const isActive = form.get("active") === "true";
  const user = await updateUser(ctx, { user: String(form.get("user") ?? ""), changes: { isActive } });
  refresh();
  return { ok: true, message: isActive ? `${user.username} can sign in again.` : `${user.username} is deactivated and signed out everywhere.` };
});

export const resetPasswordAction = authedAction(async (ctx, form) => {
  const chosen = String(form.get("password") ?? "");
  const { password } = await resetUserPassword(ctx, { user: String(form.get("user") ?? ""), password: chosen === "" ? undefined : chosen });
  refresh();
  return password
    ? { ok: true, message: "Password reset and every session ended. Give them this one-time password; it is shown only now.", reveal: password }
    : { ok: true, message: "Password set and every session ended." };
});
