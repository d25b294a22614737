import type { Metadata } from "next";
import { AuditFilters, type AuditFilterValues } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { entityHref } from "@/components/audit/entity-link";
import { AreaPage } from "@/components/shell/area-page";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { ListIcon } from "@/components/ui/icons";
import { auditDiff } from "@/core/audit/audit-diff";
import { readIfAllowed, requireUser } from "@/server/auth/session";
import { listAuditLogSchema } from "@/server/services/audit/audit-log.schema";
import { listAuditLog } from "@/server/services/audit/list-audit-log";
import { readPreferences } from "@/server/services/users/update-profile";

export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = await searchParams;
  const me = await requireUser();
  const values: AuditFilterValues = Object.fromEntries(["actor", "entityType", "entity", "action", "from", "to"].map((k) => [k, first(raw[k])]));
  const pageSize = first(raw.pageSize) ?? String(readPreferences(me.preferences).pageSize);
  const parsed = listAuditLogSchema.safeParse({ ...values, page: first(raw.page), pageSize });
  const query = parsed.success ? parsed.data : listAuditLogSchema.parse({ pageSize });
  const { allowed, data } = await readIfAllowed("audit_log", (ctx) => listAuditLog(ctx, query));
  return (
    <AreaPage title="Audit log" description="Every change made through the app, the API, the admin CLI or the scheduler, newest first." allowed={allowed}>
      {parsed.success ? null : (
        <Alert tone="warning" className="mb-4">
          Some filters were not understood ({parsed.error.issues[0]?.message}), so they were ignored.
        </Alert>
      )}
      <AuditFilters values={values} />
      {data && data.total === 0 ? (
        <EmptyState icon={<ListIcon />} title="No entries match these filters" description="Clear the filters to see every change." />
      ) : data ? (
        <AuditTable
          rows={data.rows.map((r) => ({
            id: r.id,
            createdAt: r.createdAt.toISOString(),
            actorLabel: r.actorLabel,
            actorKind: r.actorKind,
            action: r.action,
            entityType: r.entityType,
            entityName: r.entityName,
            entityId: r.entityId,
            href: entityHref(r.entityType, r.entityName, r.parentKey),
            changes: auditDiff(r.before, r.after),
          }))}
          total={data.total}
          page={data.page}
          pageSize={data.pageSize}
        />
      ) : null}
    </AreaPage>
  );
}
