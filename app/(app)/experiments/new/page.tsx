import type { Metadata } from "next";
import { ExperimentCreateForm } from "@/components/experiments/experiment-create-form";
import { AreaPage } from "@/components/shell/area-page";
import { requireUser, sessionContext, userCan } from "@/server/auth/session";
import { listUsers } from "@/server/services/users/list-users";
import { createExperimentAction } from "./actions";

export const metadata: Metadata = { title: "New experiment" };

export default async function NewExperimentPage() {
  const allowed = await userCan("experiment", "create");
  const me = await requireUser();
  let owners = [{ id: me.id, label: me.fullName || me.username }];
  const ctx = allowed ? await sessionContext() : null;
  if (ctx) {
    // Choosing another owner needs the right to list users; without it the creator owns the experiment.
    const users = await listUsers(ctx, { pageSize: 200 }).catch(() => null);
    if (users) owners = users.rows.filter((u) => u.isActive || u.id === me.id).map((u) => ({ id: u.id, label: u.fullName ? `${u.fullName} (${u.username})` : u.username }));
  }
  return (
    <AreaPage title="New experiment" description="Describe the change, split the traffic between variants, and choose how success is measured." allowed={allowed}>
      <ExperimentCreateForm action={createExperimentAction} owners={owners} currentUserId={me.id} />
    </AreaPage>
  );
}
