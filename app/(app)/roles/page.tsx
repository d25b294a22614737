import type { Metadata } from "next";
import Link from "next/link";
import { AreaPage } from "@/components/shell/area-page";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { PlusIcon } from "@/components/ui/icons";
import { readIfAllowed, userCan } from "@/server/auth/session";
import { listRoles } from "@/server/services/roles/list-roles";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage() {
  const { allowed, data } = await readIfAllowed("role", listRoles);
  const canCreate = allowed && (await userCan("role", "create"));
  const rows = data ?? [];
  return (
    <AreaPage
      title="Roles"
      description="Each role grants create, read, update or delete on a kind of resource. Superusers pass every check."
      allowed={allowed}
      actions={
        canCreate ? (
          <ButtonLink href="/roles/new" variant="primary">
            <PlusIcon />
            New role
          </ButtonLink>
        ) : undefined
      }
    >
      <Table aria-label="Roles">
        <THead>
          <Tr>
            <Th>Role</Th>
            <Th>Permissions</Th>
            <Th className="text-right">Users</Th>
            <Th className="text-right">Admin keys</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((r) => (
            <Tr key={r.id}>
              <Td className="align-top">
                <div className="flex items-center gap-2">
                  <Link href={`/roles/${encodeURIComponent(r.name)}`} className="font-medium text-zinc-900 hover:text-accent-700 hover:underline">
                    {r.name}
                  </Link>
                  {r.isBuiltin ? <Badge>built-in</Badge> : null}
                </div>
                <div className="max-w-xs text-zinc-500">{r.description}</div>
              </Td>
              <Td>
                <div className="flex max-w-2xl flex-wrap gap-1">
                  {r.permissions.length === 0 ? <span className="text-zinc-400">None</span> : null}
                  {r.permissions.map((p) => (
                    <code key={p} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700">
                      {p}
                    </code>
                  ))}
                </div>
              </Td>
              <Td className="text-right align-top tabular-nums">{r.users}</Td>
              <Td className="text-right align-top tabular-nums">{r.keys}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </AreaPage>
  );
}
