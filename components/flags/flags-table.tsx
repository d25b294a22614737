"use client";

import Link from "next/link";
import { useMemo } from "react";
import { formatPercentage } from "@/core/experiments/allocation";
import type { FlagStatus } from "@/core/flags/flag-definition";
import type { FormAction } from "@/components/experiments/use-checked-action";
import { DateTime } from "@/components/preferences/preferences-context";
import { Badge } from "@/components/ui/badge";
import { ServerDataTable, type ServerTableColumn } from "@/components/ui/server-data-table";
import type { SortColumns, SortDirection } from "@/components/ui/url-table-state";
import { FlagListSwitch, FlagStatusLabel } from "./flags-list-switch";

/** One list row as the server sends it (dates as ISO strings: props cross the server/client boundary). */
export interface FlagTableRow {
  id: string;
  key: string;
  name: string;
  description: string | null;
  status: FlagStatus;
  rolloutPercentage: number;
  /** 0 for a boolean flag. */
  variantCount: number;
  tags: string[];
  owner: string | null;
  updatedAt: string;
  ruleCount: number;
  activeOverrideCount: number;
}

/** Column id → the list service's sort field. The newest update and the widest rollout come first. */
const SORT_COLUMNS: SortColumns = {
  fields: { key: "key", name: "name", status: "status", rolloutPercentage: "rollout", owner: "owner", updatedAt: "updated" },
  descendingFirst: ["rolloutPercentage", "updatedAt"],
};

/**
 * On a phone the key (with the name under it), the switch and the rollout fit; the other columns appear as
 * the screen widens, so the page never scrolls sideways.
 */
const COLUMN_CLASSES: Record<string, string> = {
  name: "hidden md:table-cell",
  variantCount: "hidden xl:table-cell",
  ruleCount: "hidden sm:table-cell",
  owner: "hidden lg:table-cell",
  updatedAt: "hidden md:table-cell",
};

const muted = <span className="text-zinc-400">—</span>;

function RolloutCell({ percentage }: { percentage: number }) {
  return (
    <div className="flex items-center gap-2">
      <span className="w-11 text-right tabular-nums text-zinc-800">{formatPercentage(percentage)}</span>
      <span aria-hidden="true" className="hidden h-1.5 w-12 overflow-hidden rounded-full bg-zinc-100 ring-1 ring-zinc-200 ring-inset sm:block">
        <span className="block h-full bg-accent-500" style={{ width: `${percentage}%` }} />
      </span>
    </div>
  );
}

function columnsFor(action: FormAction | null): Array<ServerTableColumn<FlagTableRow>> {
  return [
    {
      accessorKey: "key",
      header: "Key",
      cell: ({ row }) => (
        <div className="min-w-0 sm:min-w-40">
          <Link href={`/flags/${encodeURIComponent(row.original.key)}`} className="font-mono text-[13px] font-medium break-all text-zinc-900 hover:text-accent-700 hover:underline">
            {row.original.key}
          </Link>
          <div className="mt-0.5 text-xs break-words text-zinc-600 md:hidden">{row.original.name}</div>
          {row.original.tags.length > 0 ? (
            <div className="mt-1 flex flex-wrap gap-1">
              {row.original.tags.map((t) => (
                <span key={t} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-600">
                  {t}
                </span>
              ))}
            </div>
          ) : null}
        </div>
      ),
    },
    {
      accessorKey: "name",
      header: "Name",
      cell: ({ row }) => (
        <div className="max-w-64 min-w-36">
          <div className="text-zinc-900">{row.original.name}</div>
          {row.original.description ? <div className="truncate text-xs text-zinc-500" title={row.original.description}>{row.original.description}</div> : null}
        </div>
      ),
    },
    {
      accessorKey: "status",
      header: "Status",
      cell: ({ row }) => (action ? <FlagListSwitch flag={row.original} action={action} /> : <FlagStatusLabel status={row.original.status} />),
    },
    {
      accessorKey: "variantCount",
      header: "Type",
      cell: ({ row }) => (row.original.variantCount > 0 ? <Badge tone="accent">{row.original.variantCount} variants</Badge> : <Badge>Boolean</Badge>),
    },
    { accessorKey: "rolloutPercentage", header: "Rollout", cell: ({ row }) => <RolloutCell percentage={row.original.rolloutPercentage} /> },
    {
      accessorKey: "ruleCount",
      header: "Targeting",
      cell: ({ row }) => (
        <div className="text-xs whitespace-nowrap text-zinc-600">
          <div>{row.original.ruleCount === 0 ? "No rules" : `${row.original.ruleCount} ${row.original.ruleCount === 1 ? "rule" : "rules"}`}</div>
          <div>{row.original.activeOverrideCount === 0 ? "No overrides" : `${row.original.activeOverrideCount} ${row.original.activeOverrideCount === 1 ? "override" : "overrides"}`}</div>
        </div>
      ),
    },
    { accessorKey: "owner", header: "Owner", cell: ({ row }) => row.original.owner ?? muted },
    { accessorKey: "updatedAt", header: "Updated", cell: ({ row }) => <span className="text-zinc-600"><DateTime value={row.original.updatedAt} dateOnly /></span> },
  ];
}

export interface FlagsTableProps {
  rows: FlagTableRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: string;
  direction: SortDirection;
  /** The status-toggle action; null for a reader who may not change flags (the status shows as a label). */
  changeStatus: FormAction | null;
}

export function FlagsTable({ changeStatus, ...props }: FlagsTableProps) {
  const columns = useMemo(() => columnsFor(changeStatus), [changeStatus]);
  return <ServerDataTable label="Feature flags" noun="flags" columns={columns} sortColumns={SORT_COLUMNS} columnClasses={COLUMN_CLASSES} {...props} />;
}
