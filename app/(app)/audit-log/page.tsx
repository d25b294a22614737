import type { Metadata } from "next";
import { AreaPage } from "@/components/shell/area-page";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format-date";
import { Pagination } from "@/components/ui/pagination";
import { readIfAllowed } from "@/server/auth/session";
import { listAuditLog } from "@/server/services/audit/list-audit-log";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const params = await searchParams;
  const { allowed, data: result } = await readIfAllowed("audit_log", (ctx) => listAuditLog(ctx, params));
  return (
    <AreaPage title="Audit log" description="Every change made through the app, the API or the admin CLI, newest first." allowed={allowed}>
      {result ? (
        <>
          <Table aria-label="Audit log">
            <THead>
              <Tr>
                <Th>When</Th>
                <Th>Who</Th>
                <Th>Action</Th>
                <Th>Entity</Th>
              </Tr>
            </THead>
            <TBody>
              {result.rows.map((e) => (
                <Tr key={e.id}>
                  <Td className="whitespace-nowrap text-zinc-600">{formatDateTime(e.createdAt)}</Td>
                  <Td className="font-medium text-zinc-900">{e.actorLabel}</Td>
                  <Td>
                    <code className="text-xs">{e.action}</code>
                  </Td>
                  <Td className="text-zinc-600">
                    {e.entityType}
                    {e.entityId ? <span className="ml-1 font-mono text-xs text-zinc-400">{e.entityId.slice(0, 8)}</span> : null}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination basePath="/audit-log" page={result.page} pageSize={result.pageSize} total={result.total} noun="entries" />
        </>
      ) : null}
    </AreaPage>
  );
}
