import type { Metadata } from "next";
import { AreaPage } from "@/components/shell/area-page";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format-date";
import { KeyIcon } from "@/components/ui/icons";
import { Pagination } from "@/components/ui/pagination";
import { readIfAllowed } from "@/server/auth/session";
import { listApiKeys } from "@/server/services/api-keys/list-api-keys";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const params = await searchParams;
  const { allowed, data: result } = await readIfAllowed("api_key", (ctx) => listApiKeys(ctx, params));
  return (
    <AreaPage title="API keys" description="Keys your SDKs and services use: client keys evaluate and track, server keys also download configuration, admin keys manage." allowed={allowed}>
      {result && result.total === 0 ? (
        <EmptyState
          icon={<KeyIcon />}
          title="No API keys yet"
          description={
            <>
              Create one with <code className="rounded bg-zinc-100 px-1">npm run admin -- create-api-key --name web --type client</code>.
            </>
          }
        />
      ) : result ? (
        <>
          <Table aria-label="API keys">
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>Key</Th>
                <Th>Type</Th>
                <Th>Last used</Th>
                <Th>Status</Th>
              </Tr>
            </THead>
            <TBody>
              {result.rows.map((k) => (
                <Tr key={k.id}>
                  <Td>
                    <div className="font-medium text-zinc-900">{k.name}</div>
                    <div className="text-zinc-500">Created {formatDateTime(k.createdAt)}{k.owner ? ` by ${k.owner}` : ""}</div>
                  </Td>
                  <Td>
                    <code className="text-xs text-zinc-700">{k.prefix}…</code>
                  </Td>
                  <Td>
                    {k.type}
                    {k.role ? <span className="text-zinc-500"> · {k.role}</span> : null}
                  </Td>
                  <Td className="whitespace-nowrap text-zinc-600">{formatDateTime(k.lastUsedAt, "Never")}</Td>
                  <Td>
                    {k.revokedAt ? <Badge tone="danger">Revoked</Badge> : k.expiresAt && k.expiresAt < new Date() ? <Badge tone="warning">Expired</Badge> : <Badge tone="success" dot>Active</Badge>}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination basePath="/api-keys" page={result.page} pageSize={result.pageSize} total={result.total} noun="keys" />
        </>
      ) : null}
    </AreaPage>
  );
}
