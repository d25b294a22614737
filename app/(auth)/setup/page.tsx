import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { getDb } from "@/db/app-database";
import { hasAnyUser } from "@/server/services/setup/create-first-superuser";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up" };

/** First-run setup: exists only while the installation has no user at all. */
export default async function SetupPage() {
  await connection(); // decided per request, never at build time
  if (await hasAnyUser(await getDb())) notFound();
  return (
    <AuthCard
      title="Welcome! Create the first admin"
      subtitle="This installation has no users yet. The account you create here can manage everything, including other users. This page disappears once it exists."
    >
      <SetupForm />
    </AuthCard>
  );
}
