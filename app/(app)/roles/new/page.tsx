import type { Metadata } from "next";
import { RoleForm } from "@/components/roles/role-form";
import { AreaPage } from "@/components/shell/area-page";
import { Card, CardBody } from "@/components/ui/card";
import { PERMISSION_NAMES, can } from "@/core/permissions/permissions";
import { sessionContext } from "@/server/auth/session";
import { permissionsBeyond } from "@/server/services/roles/role-grants";
import { createRoleAction } from "../actions";

export const metadata: Metadata = { title: "New role" };

export default async function NewRolePage() {
  const ctx = await sessionContext();
  const allowed = !!ctx && can(ctx.actor, "role", "create");
  const beyond = ctx ? permissionsBeyond(ctx.actor, PERMISSION_NAMES) : PERMISSION_NAMES;
  return (
    <AreaPage title="New role" description="Choose what holders of this role may do. You can grant only permissions you hold." allowed={allowed}>
      <Card className="min-w-0 max-w-3xl">
        <CardBody>
          <RoleForm action={createRoleAction} grantable={PERMISSION_NAMES.filter((p) => !beyond.includes(p))} />
        </CardBody>
      </Card>
    </AreaPage>
  );
}
