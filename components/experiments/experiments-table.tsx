"use client";

import { rowPaginationFeature, rowSortingFeature, tableFeatures, useTable, type ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import type { ExperimentStatus, ExperimentType } from "@/core/experiments/enums";
import { DateTime } from "@/components/preferences/preferences-context";
import { Table } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { SortableTableHead } from "@/components/ui/sortable-table-head";
import { TableBodyRows } from "@/components/ui/table-body-rows";
import type { SortColumns, SortDirection } from "@/components/ui/url-table-state";
import { useUrlSorting } from "@/components/ui/use-url-table-state";
import { StatusBadge, TypeBadge } from "./experiment-badges";

/** One list row as the server sends it (dates as ISO strings: props cross the server/client boundary). */
export interface ExperimentTableRow {
  key: string;
  name: string;
  status: ExperimentStatus;
  experimentType: ExperimentType;
  owner: string | null;
  startDate: string | null;
  endDate: string | null;
  updatedAt: string;
  tags: string[];
  variantCount: number;
}

// Sorting and pagination happen in the database; the table only renders and reports intent.
const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });

/** Column id → the list service's sort field; dates start newest first. */
const SORT_COLUMNS: SortColumns = {
  fields: { name: "name", status: "status", experimentType: "type", owner: "owner", startDate: "start", endDate: "end", updatedAt: "updated" },
  descendingFirst: ["startDate", "endDate", "updatedAt"],
};

/** On a phone the name and status fit; the other columns appear as the screen widens, so the page never scrolls sideways. */
const COLUMN_CLASSES: Record<string, string> = {
  experimentType: "hidden sm:table-cell",
  updatedAt: "hidden sm:table-cell",
  owner: "hidden md:table-cell",
  startDate: "hidden lg:table-cell",
  endDate: "hidden lg:table-cell",
};

const columns: Array<ColumnDef<typeof features, ExperimentTableRow>> = [
  {
    accessorKey: "name",
    header: "Experiment",
    cell: ({ row }) => (
      <div className="min-w-0 break-words sm:min-w-48">
        <Link href={`/experiments/${row.original.key}`} className="font-medium text-zinc-900 hover:text-accent-700 hover:underline">
          {row.original.name}
        </Link>
        <div className="flex flex-wrap items-center gap-1.5 text-xs text-zinc-500">
          <code className="break-all">{row.original.key}</code>
          {row.original.tags.map((t) => (
            <span key={t} className="rounded bg-zinc-100 px-1.5 py-0.5 text-zinc-600">
              {t}
            </span>
          ))}
        </div>
      </div>
    ),
  },
  { accessorKey: "status", header: "Status", cell: ({ row }) => <StatusBadge status={row.original.status} /> },
  { accessorKey: "experimentType", header: "Type", cell: ({ row }) => <TypeBadge type={row.original.experimentType} /> },
  { accessorKey: "owner", header: "Owner", cell: ({ row }) => row.original.owner ?? <span className="text-zinc-400">—</span> },
  { accessorKey: "startDate", header: "Start", cell: ({ row }) => <DateTime value={row.original.startDate} dateOnly /> },
  { accessorKey: "endDate", header: "End", cell: ({ row }) => <DateTime value={row.original.endDate} dateOnly /> },
  { accessorKey: "updatedAt", header: "Updated", cell: ({ row }) => <span className="text-zinc-600"><DateTime value={row.original.updatedAt} dateOnly /></span> },
];

export interface ExperimentsTableProps {
  rows: ExperimentTableRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: string;
  direction: SortDirection;
}

export function ExperimentsTable({ rows, total, page, pageSize, sort, direction }: ExperimentsTableProps) {
  const { sorting, pending, isSortable, toggleSort } = useUrlSorting(SORT_COLUMNS, sort, direction);
  const table = useTable({
    features,
    columns,
    data: rows,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    state: { sorting, pagination: { pageIndex: page - 1, pageSize } },
  });
  const columnClassName = (id: string) => COLUMN_CLASSES[id];

  return (
    <div aria-busy={pending} className={pending ? "opacity-60 transition-opacity" : "transition-opacity"}>
      <Table aria-label="Experiments">
        <SortableTableHead headerGroups={table.getHeaderGroups()} sorting={sorting} isSortable={isSortable} onSort={toggleSort} columnClassName={columnClassName} />
        <TableBodyRows rows={table.getRowModel().rows} cellClassName={columnClassName} />
      </Table>
      <ListPagination page={page} pageSize={pageSize} total={total} noun="experiments" />
    </div>
  );
}
