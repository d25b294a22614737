import type { Metadata } from "next";
import { AreaPage } from "@/components/shell/area-page";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format-date";
import { Pagination } from "@/components/ui/pagination";
import { readIfAllowed } from "@/server/auth/session";
import { listUsers } from "@/server/services/users/list-users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const params = await searchParams;
  const { allowed, data: result } = await readIfAllowed("user", (ctx) => listUsers(ctx, params));
  return (
    <AreaPage title="Users" description="People who can sign in, and the roles that decide what they may do." allowed={allowed}>
      {result ? (
        <>
          <Table aria-label="Users">
            <THead>
              <Tr>
                <Th>User</Th>
                <Th>Roles</Th>
                <Th>Status</Th>
                <Th>Last sign-in</Th>
              </Tr>
            </THead>
            <TBody>
              {result.rows.map((u) => (
                <Tr key={u.id}>
                  <Td>
                    <div className="font-medium text-zinc-900">{u.fullName || u.username}</div>
                    <div className="text-zinc-500">
                      {u.username} · {u.email}
                    </div>
                  </Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {u.isSuperuser ? <Badge tone="accent">superuser</Badge> : null}
                      {u.roles.map((r) => (
                        <Badge key={r}>{r}</Badge>
                      ))}
                      {!u.isSuperuser && u.roles.length === 0 ? <span className="text-zinc-400">No roles</span> : null}
                    </div>
                  </Td>
                  <Td>{u.isActive ? <Badge tone="success" dot>Active</Badge> : <Badge tone="neutral" dot>Deactivated</Badge>}</Td>
                  <Td className="whitespace-nowrap text-zinc-600">{formatDateTime(u.lastLogin, "Never")}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination basePath="/users" page={result.page} pageSize={result.pageSize} total={result.total} noun="users" />
        </>
      ) : null}
    </AreaPage>
  );
}
