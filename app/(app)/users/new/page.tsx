import type { Metadata } from "next";
import { AreaPage } from "@/components/shell/area-page";
import { UserForm } from "@/components/users/user-form";
import { Card, CardBody } from "@/components/ui/card";
import { can } from "@/core/permissions/permissions";
import { sessionContext } from "@/server/auth/session";
import { listRoles } from "@/server/services/roles/list-roles";
import { createUserAction } from "../actions";

export const metadata: Metadata = { title: "New user" };

export default async function NewUserPage() {
  const ctx = await sessionContext();
  const allowed = !!ctx && can(ctx.actor, "user", "create");
  const roles = ctx && allowed && can(ctx.actor, "role", "read") ? await listRoles(ctx) : [];
  return (
    <AreaPage title="New user" description="They sign in with their username or email. Roles decide what they may do." allowed={allowed}>
      <Card className="min-w-0 max-w-3xl">
        <CardBody>
          <UserForm action={createUserAction} mode="create" roles={roles.map((r) => ({ name: r.name, description: r.description }))} canGrantSuperuser={!!ctx?.actor.isSuperuser} />
        </CardBody>
      </Card>
    </AreaPage>
  );
}
