import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DateTime } from "@/components/preferences/preferences-context";
import { AreaPage } from "@/components/shell/area-page";
import { ActiveToggle, ResetPasswordForm } from "@/components/users/account-actions";
import { UserForm } from "@/components/users/user-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { can } from "@/core/permissions/permissions";
import { NotFound } from "@/server/errors";
import { sessionContext } from "@/server/auth/session";
import { listRoles } from "@/server/services/roles/list-roles";
import { getUser } from "@/server/services/users/get-user";
import { resetPasswordAction, setUserActiveAction, updateUserAction } from "../actions";

export const metadata: Metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await sessionContext();
  const allowed = !!ctx && can(ctx.actor, "user", "read");
  if (!ctx || !allowed) return <AreaPage title="User" description="" allowed={false}>{null}</AreaPage>;
  const user = await getUser(ctx, { user: id }).catch((error: unknown) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });
  const mayEdit = can(ctx.actor, "user", "update");
  const self = ctx.actor.id === user.id;
  const roles = can(ctx.actor, "role", "read") ? await listRoles(ctx) : user.roles.map((name) => ({ name, description: null }));
  const superuserOnly = user.isSuperuser && !ctx.actor.isSuperuser;
  return (
    <AreaPage
      title={user.fullName || user.username}
      description={`${user.username} · ${user.email}`}
      allowed
      actions={
        <div className="flex gap-1">
          {user.isSuperuser ? <Badge tone="accent">superuser</Badge> : null}
          {user.isActive ? <Badge tone="success" dot>Active</Badge> : <Badge dot>Deactivated</Badge>}
        </div>
      }
    >
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="min-w-0 lg:col-span-2">
          <CardHeader title="Account" description={<>Last sign-in: <DateTime value={user.lastLogin?.toISOString()} empty="never" /></>} />
          <CardBody>
            {mayEdit && !superuserOnly ? (
              <UserForm
                action={updateUserAction}
                mode="update"
                roles={roles.map((r) => ({ name: r.name, description: r.description }))}
                canGrantSuperuser={ctx.actor.isSuperuser}
                user={user}
                self={self}
              />
            ) : (
              <dl className="grid gap-3 sm:grid-cols-2">
                <div>
                  <dt className="text-zinc-500">Email</dt>
                  <dd>{user.email}</dd>
                </div>
                <div>
                  <dt className="text-zinc-500">Roles</dt>
                  <dd>{user.roles.join(", ") || "None"}</dd>
                </div>
              </dl>
            )}
          </CardBody>
        </Card>
        {mayEdit && !self && !superuserOnly ? (
          <div className="min-w-0 space-y-6">
            <Card>
              <CardHeader title={user.isActive ? "Deactivate" : "Reactivate"} />
              <CardBody>
                <ActiveToggle action={setUserActiveAction} userId={user.id} username={user.username} isActive={user.isActive} />
              </CardBody>
            </Card>
            <Card>
              <CardHeader title="Reset password" description="Ends every session of this user." />
              <CardBody>
                <ResetPasswordForm action={resetPasswordAction} userId={user.id} />
              </CardBody>
            </Card>
          </div>
        ) : null}
      </div>
    </AreaPage>
  );
}
