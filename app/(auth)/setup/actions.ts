"use server";

import { getDb } from "@/db/app-database";
import { publicAction } from "@/server/actions/action";
import { signIn } from "@/server/auth/auth";
import { createFirstSuperuser } from "@/server/services/setup/create-first-superuser";

export const setupAction = publicAction(async (form) => {
  const input = Object.fromEntries(["username", "email", "fullName", "password", "confirmPassword"].map((k) => [k, String(form.get(k) ?? "")]));
  const user = await createFirstSuperuser(await getDb(), input);
  // Signed in straight away: the person who set up the installation is its first admin.
  await signIn("credentials", { identifier: user.username, password: input.password, redirectTo: "/experiments" });
});
