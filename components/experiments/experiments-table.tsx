"use client";

import { FlexRender, rowPaginationFeature, rowSortingFeature, tableFeatures, useTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import type { ExperimentStatus, ExperimentType } from "@/core/experiments/enums";
import { DateTime } from "@/components/preferences/preferences-context";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { ArrowDownIcon, ArrowUpIcon, ChevronUpDownIcon } from "@/components/ui/icons";
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

/** Column id → the list service's sort field. */
const SORT_FIELDS: Record<string, string> = {
  name: "name",
  status: "status",
  experimentType: "type",
  owner: "owner",
  startDate: "start",
  endDate: "end",
  updatedAt: "updated",
};


const columns: Array<ColumnDef<typeof features, ExperimentTableRow>> = [
  {
    accessorKey: "name",
    header: "Experiment",
    cell: ({ row }) => (
      <div className="min-w-48">
        <Link href={`/experiments/${row.original.key}`} className="font-medium text-zinc-900 hover:text-accent-700 hover:underline">
          {row.original.name}
        </Link>
        <div className="flex flex-wrap items-center gap-1.5 text-xs text-zinc-500">
          <code>{row.original.key}</code>
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
  direction: "asc" | "desc";
}

export function ExperimentsTable({ rows, total, page, pageSize, sort, direction }: ExperimentsTableProps) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const sortedColumn = Object.entries(SORT_FIELDS).find(([, field]) => field === sort)?.[0];
  const sorting: SortingState = sortedColumn ? [{ id: sortedColumn, desc: direction === "desc" }] : [];

  const navigate = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    startTransition(() => router.push(`${pathname}?${next.toString()}`));
  };

  const table = useTable({
    features,
    columns,
    data: rows,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    state: { sorting, pagination: { pageIndex: page - 1, pageSize } },
  });

  const toggleSort = (columnId: string) => {
    const field = SORT_FIELDS[columnId];
    if (!field) return;
    // A new column starts ascending (newest first for dates); the same column flips.
    const isDate = columnId.endsWith("Date") || columnId === "updatedAt";
    const nextDirection = sort === field ? (direction === "asc" ? "desc" : "asc") : isDate ? "desc" : "asc";
    navigate({ sort: field, direction: nextDirection, page: "1" });
  };

  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  return (
    <div aria-busy={pending} className={pending ? "opacity-60 transition-opacity" : "transition-opacity"}>
      <Table aria-label="Experiments">
        <THead>
          {table.getHeaderGroups().map((group) => (
            <Tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = sorting[0]?.id === header.column.id ? (sorting[0].desc ? "descending" : "ascending") : "none";
                return (
                  <Th key={header.id} aria-sort={sorted}>
                    <button type="button" onClick={() => toggleSort(header.column.id)} className="inline-flex items-center gap-1 font-medium hover:text-zinc-900">
                      <FlexRender header={header} />
                      {sorted === "ascending" ? (
                        <ArrowUpIcon className="size-3.5 shrink-0 text-accent-600" />
                      ) : sorted === "descending" ? (
                        <ArrowDownIcon className="size-3.5 shrink-0 text-accent-600" />
                      ) : (
                        <ChevronUpDownIcon className="size-3.5 shrink-0 text-zinc-400" />
                      )}
                      <span className="sr-only">{sorted === "none" ? ", not sorted" : `, sorted ${sorted}`}</span>
                    </button>
                  </Th>
                );
              })}
            </Tr>
          ))}
        </THead>
        <TBody>
          {table.getRowModel().rows.map((row) => (
            <Tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <Td key={cell.id}>
                  <FlexRender cell={cell} />
                </Td>
              ))}
            </Tr>
          ))}
        </TBody>
      </Table>
      <nav aria-label="Pagination" className="flex items-center justify-between gap-4 pt-4 text-sm text-zinc-600">
        <p>
          {first}–{Math.min(total, page * pageSize)} of {total} experiments
        </p>
        <div className="flex items-center gap-2">
          <button type="button" className="rounded-md border border-zinc-200 bg-white px-3 py-1.5 font-medium text-zinc-700 enabled:hover:bg-zinc-50 disabled:text-zinc-400" disabled={page <= 1} onClick={() => navigate({ page: String(page - 1) })}>
            Previous
          </button>
          <span className="tabular-nums">
            Page {page} of {pages}
          </span>
          <button type="button" className="rounded-md border border-zinc-200 bg-white px-3 py-1.5 font-medium text-zinc-700 enabled:hover:bg-zinc-50 disabled:text-zinc-400" disabled={page >= pages} onClick={() => navigate({ page: String(page + 1) })}>
            Next
          </button>
        </div>
      </nav>
    </div>
  );
}
