"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/server/actions/action";
import { signIn } from "@/server/auth/auth";
import { changeOwnPassword } from "@/server/services/users/change-own-password";
import { getProfile, updateProfile } from "@/server/services/users/update-profile";
import { updateProfileSchema } from "@/server/services/users/user.schema";
import { validate } from "@/server/services/validate";

export const updateProfileAction = authedAction(async (ctx, form) => {
  // The schema types the form's text first; the service checks again.
  const changes = validate(updateProfileSchema, {
    fullName: String(form.get("fullName") ?? ""),
    email: String(form.get("email") ?? ""),
    preferences: { theme: form.get("theme"), pageSize: form.get("pageSize"), timeZone: form.get("timeZone") },
  });
  await updateProfile(ctx, changes);
  // Preferences apply everywhere: the layout reads them.
  revalidatePath("/", "layout");
  return { ok: true, message: "Saved." };
});

/**
 * Changing the password ends every session, this one included; signing in again with the new
 * password issues this browser a fresh session, so only the other sessions end.
 */
export const changePasswordAction = authedAction(async (ctx, form) => {
  const newPassword = String(form.get("newPassword") ?? "");
  await changeOwnPassword(ctx, { currentPassword: String(form.get("currentPassword") ?? ""), newPassword, confirmPassword: String(form.get("confirmPassword") ?? "") });
  const { username } = await getProfile(ctx);
  // Signing in answers with a redirect (Auth.js sets the new session cookie with it); the profile page
  // then says what happened.
  await signIn("credentials", { identifier: username, password: newPassword, redirectTo: "/settings/profile?password=changed" });
});
