import type { Metadata } from "next";
import { RevokeKeyButton } from "@/components/api-keys/revoke-key-button";
import { DateTime } from "@/components/preferences/preferences-context";
import { AreaPage } from "@/components/shell/area-page";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { KeyIcon, PlusIcon } from "@/components/ui/icons";
import { ListPagination } from "@/components/ui/list-pagination";
import { readIfAllowed, requireUser, userCan } from "@/server/auth/session";
import { listApiKeys } from "@/server/services/api-keys/list-api-keys";
import { readPreferences } from "@/server/services/users/update-profile";
import { revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

const iso = (d: Date | null) => d?.toISOString() ?? null;

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const params = await searchParams;
  const me = await requireUser();
  const { allowed, data: result } = await readIfAllowed("api_key", (ctx) => listApiKeys(ctx, { page: params.page, pageSize: readPreferences(me.preferences).pageSize }));
  const [canCreate, canRevoke] = allowed ? await Promise.all([userCan("api_key", "create"), userCan("api_key", "delete")]) : [false, false];
  const newKey = (
    <ButtonLink href="/api-keys/new" variant="primary">
      <PlusIcon />
      New API key
    </ButtonLink>
  );
  const now = new Date();
  return (
    <AreaPage
      title="API keys"
      description="Keys your SDKs and services use: client keys evaluate and track, server keys also download configuration, admin keys manage."
      allowed={allowed}
      actions={canCreate ? newKey : undefined}
    >
      {result && result.total === 0 ? (
        <EmptyState icon={<KeyIcon />} title="No API keys yet" description="Create a client key for your web app, or a server key for your backend." action={canCreate ? newKey : undefined} />
      ) : result ? (
        <>
          <Table aria-label="API keys">
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>Key</Th>
                <Th>Type</Th>
                <Th>Owner</Th>
                <Th>Created</Th>
                <Th>Last used</Th>
                <Th>Expires</Th>
                <Th>Status</Th>
                {canRevoke ? <Th className="text-right">Actions</Th> : null}
              </Tr>
            </THead>
            <TBody>
              {result.rows.map((k) => {
                const expired = !!k.expiresAt && k.expiresAt <= now;
                return (
                  <Tr key={k.id}>
                    <Td className="font-medium whitespace-nowrap text-zinc-900">{k.name}</Td>
                    <Td>
                      <code className="text-xs text-zinc-700">{k.prefix}…</code>
                    </Td>
                    <Td className="whitespace-nowrap">
                      {k.type}
                      {k.role ? <span className="text-zinc-500"> · {k.role}</span> : null}
                    </Td>
                    <Td className="text-zinc-600">{k.owner ?? "—"}</Td>
                    <Td className="text-zinc-600">
                      <DateTime value={iso(k.createdAt)} />
                    </Td>
                    <Td className="text-zinc-600">
                      <DateTime value={iso(k.lastUsedAt)} empty="Never" />
                    </Td>
                    <Td className="text-zinc-600">
                      <DateTime value={iso(k.expiresAt)} empty="Never" />
                    </Td>
                    <Td>{k.revokedAt ? <Badge tone="danger">Revoked</Badge> : expired ? <Badge tone="warning">Expired</Badge> : <Badge tone="success" dot>Active</Badge>}</Td>
                    {canRevoke ? <Td>{k.revokedAt ? null : <RevokeKeyButton action={revokeApiKeyAction} id={k.id} name={k.name} />}</Td> : null}
                  </Tr>
                );
              })}
            </TBody>
          </Table>
          <ListPagination page={result.page} pageSize={result.pageSize} total={result.total} noun="keys" />
        </>
      ) : null}
    </AreaPage>
  );
}
