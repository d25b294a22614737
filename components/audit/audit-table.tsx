"use client";

import { FlexRender, rowPaginationFeature, tableFeatures, useTable, type ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DateTime } from "@/components/preferences/preferences-context";
import { Badge } from "@/components/ui/badge";
import { Table, Th, THead, Tr } from "@/components/ui/data-table";
import { TableBodyRows } from "@/components/ui/table-body-rows";
import { ListPagination } from "@/components/ui/list-pagination";
import type { FieldChange } from "@/core/audit/audit-diff";

/** One entry as the server sends it: the diff already worked out (dates as ISO strings). */
export interface AuditTableRow {
  id: string;
  createdAt: string;
  actorLabel: string;
  actorKind: "user" | "api_key" | "system";
  action: string;
  entityType: string;
  entityName: string | null;
  entityId: string | null;
  /** Where the entity is shown, when it still exists. */
  href: string | null;
  changes: FieldChange[];
}

const features = tableFeatures({ rowPaginationFeature });
const ACTOR_KIND: Record<AuditTableRow["actorKind"], string> = { user: "user", api_key: "API key", system: "system" };

const columns: Array<ColumnDef<typeof features, AuditTableRow>> = [
  { accessorKey: "createdAt", header: "When", cell: ({ row }) => <DateTime value={row.original.createdAt} /> },
  {
    accessorKey: "actorLabel",
    header: "Who",
    cell: ({ row }) => (
      <div>
        <div className="font-medium text-zinc-900">{row.original.actorLabel}</div>
        <div className="text-xs text-zinc-500">{ACTOR_KIND[row.original.actorKind]}</div>
      </div>
    ),
  },
  { accessorKey: "action", header: "Action", cell: ({ row }) => <code className="text-xs">{row.original.action}</code> },
  {
    id: "entity",
    header: "Entity",
    cell: ({ row }) => {
      const { entityType, entityName, entityId, href } = row.original;
      const name = entityName ?? entityId?.slice(0, 8) ?? "—";
      return (
        <div className="min-w-32">
          <Badge>{entityType.replace("_", " ")}</Badge>{" "}
          {href ? (
            <Link href={href} className="font-medium text-accent-700 hover:underline">
              {name}
            </Link>
          ) : (
            <span className="font-medium text-zinc-900">{name}</span>
          )}
        </div>
      );
    },
  },
  {
    id: "changes",
    header: "Changes",
    cell: ({ row }) =>
      row.original.changes.length === 0 ? (
        <span className="text-zinc-400">—</span>
      ) : (
        <ul className="max-w-xl space-y-0.5 text-xs">
          {row.original.changes.slice(0, 8).map((c) => (
            <li key={c.field} className="break-words">
              <span className="font-medium text-zinc-800">{c.field}</span>: <span className="text-danger-700 line-through decoration-danger-300">{c.before ?? "(none)"}</span> →{" "}
              <span className="text-success-800">{c.after ?? "(none)"}</span>
            </li>
          ))}
          {row.original.changes.length > 8 ? <li className="text-zinc-500">and {row.original.changes.length - 8} more</li> : null}
        </ul>
      ),
  },
];

export function AuditTable({ rows, total, page, pageSize }: { rows: AuditTableRow[]; total: number; page: number; pageSize: number }) {
  const table = useTable({ features, columns, data: rows, manualPagination: true, rowCount: total, state: { pagination: { pageIndex: page - 1, pageSize } } });
  return (
    <div>
      <Table aria-label="Audit log">
        <THead>
          {table.getHeaderGroups().map((group) => (
            <Tr key={group.id}>
              {group.headers.map((header) => (
                <Th key={header.id}>
                  <FlexRender header={header} />
                </Th>
              ))}
            </Tr>
          ))}
        </THead>
        <TableBodyRows rows={table.getRowModel().rows} cellClassName="align-top" />
      </Table>
      <ListPagination page={page} pageSize={pageSize} total={total} noun="entries" />
    </div>
  );
}
