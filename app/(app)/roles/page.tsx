import type { Metadata } from "next";
import { AreaPage } from "@/components/shell/area-page";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { readIfAllowed } from "@/server/auth/session";
import { listRoles } from "@/server/services/roles/list-roles";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage() {
  const { allowed, data } = await readIfAllowed("role", listRoles);
  const rows = data ?? [];
  return (
    <AreaPage title="Roles" description="Each role grants create, read, update or delete on a kind of resource. Superusers pass every check." allowed={allowed}>
      <Table aria-label="Roles">
        <THead>
          <Tr>
            <Th>Role</Th>
            <Th>Permissions</Th>
            <Th className="text-right">Users</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((r) => (
            <Tr key={r.id}>
              <Td className="align-top">
                <div className="flex items-center gap-2 font-medium text-zinc-900">
                  {r.name}
                  {r.isBuiltin ? <Badge>built-in</Badge> : null}
                </div>
                <div className="max-w-xs text-zinc-500">{r.description}</div>
              </Td>
              <Td>
                <div className="flex max-w-2xl flex-wrap gap-1">
                  {r.permissions.map((p) => (
                    <code key={p} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700">
                      {p}
                    </code>
                  ))}
                </div>
              </Td>
              <Td className="text-right align-top tabular-nums">{r.users}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </AreaPage>
  );
}
