import type { Metadata } from "next";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { AreaPage } from "@/components/shell/area-page";
import { Card, CardBody } from "@/components/ui/card";
import { can, isPermission } from "@/core/permissions/permissions";
import { sessionContext } from "@/server/auth/session";
import { listRoles } from "@/server/services/roles/list-roles";
import { permissionsBeyond } from "@/server/services/roles/role-grants";
import { createApiKeyAction } from "../actions";

export const metadata: Metadata = { title: "New API key" };

export default async function NewApiKeyPage() {
  const ctx = await sessionContext();
  const allowed = !!ctx && can(ctx.actor, "api_key", "create");
  // Offer only roles within the creator's own rights; the service refuses the rest anyway.
  const all = ctx && allowed && can(ctx.actor, "role", "read") ? await listRoles(ctx) : [];
  const roles = ctx ? all.filter((r) => permissionsBeyond(ctx.actor, r.permissions.filter(isPermission)).length === 0) : [];
  return (
    <AreaPage title="New API key" description="The key is shown once, when it is created: store it somewhere safe." allowed={allowed}>
      <Card className="min-w-0 max-w-3xl">
        <CardBody>
          <CreateApiKeyForm action={createApiKeyAction} roles={roles.map((r) => r.name)} />
        </CardBody>
      </Card>
    </AreaPage>
  );
}
