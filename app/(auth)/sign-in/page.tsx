import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { getDb } from "@/db/app-database";
import { getCurrentUser } from "@/server/auth/session";
import { hasAnyUser } from "@/server/services/setup/create-first-superuser";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  await connection(); // decided per request, never at build time
  // A new installation has nobody to sign in as: send the first visitor to set up an admin.
  if (!(await hasAnyUser(await getDb()))) redirect("/setup");
  if (await getCurrentUser()) redirect("/experiments");
  const { callbackUrl } = await searchParams;
  return (
    <AuthCard
      title="Sign in to Experimentation Platform"
      subtitle="Use the username or email and password your administrator gave you."
      footer="Forgot your password? Ask an administrator to reset it."
    >
      <SignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
