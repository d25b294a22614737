"use server";

import { AuthError } from "next-auth";
import { publicAction } from "@/server/actions/action";
import { signIn } from "@/server/auth/auth";
import { signInMessage } from "@/server/auth/sign-in-errors";

/** Only same-site paths: never send a signed-in user to another origin. */
function safeCallback(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/experiments";
}

export const signInAction = publicAction(async (form) => {
  const identifier = String(form.get("identifier") ?? "");
  try {
    await signIn("credentials", {
      identifier,
      password: String(form.get("password") ?? ""),
      redirectTo: safeCallback(form.get("callbackUrl")),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
      return { ok: false, message: signInMessage(code), values: { identifier } };
    }
    throw error;
  }
});
