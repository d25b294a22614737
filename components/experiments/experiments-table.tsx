"use client";

import Link from "next/link";
import type { ExperimentStatus, ExperimentType } from "@/core/experiments/enums";
import { DateTime } from "@/components/preferences/preferences-context";
import { ServerDataTable, type ServerTableColumn } from "@/components/ui/server-data-table";
import type { SortColumns, SortDirection } from "@/components/ui/url-table-state";
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

const columns: Array<ServerTableColumn<ExperimentTableRow>> = [
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

export function ExperimentsTable(props: ExperimentsTableProps) {
  return <ServerDataTable label="Experiments" noun="experiments" columns={columns} sortColumns={SORT_COLUMNS} columnClasses={COLUMN_CLASSES} {...props} />;
}
