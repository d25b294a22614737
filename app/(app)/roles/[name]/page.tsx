import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteRoleForm, RoleForm } from "@/components/roles/role-form";
import { AreaPage } from "@/components/shell/area-page";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PERMISSION_NAMES, can } from "@/core/permissions/permissions";
import { sessionContext } from "@/server/auth/session";
import { listRoles } from "@/server/services/roles/list-roles";
import { permissionsBeyond } from "@/server/services/roles/role-grants";
import { deleteRoleAction, updateRoleAction } from "../actions";

export const metadata: Metadata = { title: "Role" };

export default async function RolePage({ params }: { params: Promise<{ name: string }> }) {
  const name = decodeURIComponent((await params).name);
  const ctx = await sessionContext();
  if (!ctx || !can(ctx.actor, "role", "read")) return <AreaPage title="Role" description="" allowed={false}>{null}</AreaPage>;
  const role = (await listRoles(ctx)).find((r) => r.name === name);
  if (!role) notFound();
  const mayEdit = can(ctx.actor, "role", "update");
  const beyond = permissionsBeyond(ctx.actor, PERMISSION_NAMES);
  const held = `${role.users} user${role.users === 1 ? "" : "s"} and ${role.keys} admin key${role.keys === 1 ? "" : "s"} hold this role.`;
  return (
    <AreaPage title={role.name} description={held} allowed actions={role.isBuiltin ? <Badge>built-in</Badge> : undefined}>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="min-w-0 lg:col-span-2">
          <CardHeader title="Permissions" description="Changes apply at once to the role's users and admin keys, on every instance." />
          <CardBody>
            <RoleForm action={updateRoleAction} role={role} grantable={PERMISSION_NAMES.filter((p) => !beyond.includes(p))} readOnly={!mayEdit} />
          </CardBody>
        </Card>
        {!role.isBuiltin && can(ctx.actor, "role", "delete") ? (
          <Card className="min-w-0 self-start">
            <CardHeader title="Delete role" />
            <CardBody>
              <DeleteRoleForm action={deleteRoleAction} role={role.name} />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </AreaPage>
  );
}
