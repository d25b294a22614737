import type { Metadata } from "next";
import { FlagCreateForm } from "@/components/flags/flag-create-form";
import { ownerOptions } from "@/server/services/users/owner-options";
import { AreaPage } from "@/components/shell/area-page";
import { requireUser, sessionContext, userCan } from "@/server/auth/session";
import { createFlagAction } from "./actions";

export const metadata: Metadata = { title: "New feature flag" };

export default async function NewFlagPage() {
  const allowed = await userCan("feature_flag", "create");
  const me = await requireUser();
  const ctx = allowed ? await sessionContext() : null;
  const owners = await ownerOptions(ctx, { id: me.id, username: me.username, fullName: me.fullName });
  return (
    <AreaPage title="New feature flag" description="Ship code dark, then decide without a deploy who gets it: by rules, by a gradual rollout, or user by user." allowed={allowed}>
      <FlagCreateForm action={createFlagAction} owners={owners} currentUserId={me.id} />
    </AreaPage>
  );
}
