"use client";

import { FlexRender, rowPaginationFeature, rowSortingFeature, tableFeatures, useTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { DateTime } from "@/components/preferences/preferences-context";
import { Badge } from "@/components/ui/badge";
import { Table, Th, THead, Tr } from "@/components/ui/data-table";
import { TableBodyRows } from "@/components/ui/table-body-rows";
import { ArrowDownIcon, ArrowUpIcon, ChevronUpDownIcon } from "@/components/ui/icons";
import { ListPagination } from "@/components/ui/list-pagination";

/** One row as the server sends it (dates as ISO strings: props cross the server/client boundary). */
export interface UserTableRow {
  id: string;
  username: string;
  email: string;
  fullName: string | null;
  isActive: boolean;
  isSuperuser: boolean;
  lastLogin: string | null;
  createdAt: string;
  roles: string[];
}

// Sorting and pagination happen in the database; the table renders and reports intent.
const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });

/** Column id → the list service's sort field; columns not here do not sort. */
const SORT_FIELDS: Record<string, string> = { user: "username", email: "email", lastLogin: "lastLogin", createdAt: "created" };

const columns: Array<ColumnDef<typeof features, UserTableRow>> = [
  {
    id: "user",
    accessorKey: "username",
    header: "User",
    cell: ({ row }) => (
      <div className="min-w-40">
        <Link href={`/users/${row.original.id}`} className="font-medium text-zinc-900 hover:text-accent-700 hover:underline">
          {row.original.fullName || row.original.username}
        </Link>
        <div className="text-xs text-zinc-500">{row.original.username}</div>
      </div>
    ),
  },
  { accessorKey: "email", header: "Email", cell: ({ row }) => <span className="text-zinc-600">{row.original.email}</span> },
  {
    id: "roles",
    accessorKey: "roles",
    header: "Roles",
    cell: ({ row }) => (
      <div className="flex flex-wrap gap-1">
        {row.original.isSuperuser ? <Badge tone="accent">superuser</Badge> : null}
        {row.original.roles.map((r) => (
          <Badge key={r}>{r}</Badge>
        ))}
        {!row.original.isSuperuser && row.original.roles.length === 0 ? <span className="text-zinc-400">No roles</span> : null}
      </div>
    ),
  },
  {
    id: "status",
    accessorKey: "isActive",
    header: "Status",
    cell: ({ row }) => (row.original.isActive ? <Badge tone="success" dot>Active</Badge> : <Badge tone="neutral" dot>Deactivated</Badge>),
  },
  { accessorKey: "lastLogin", header: "Last sign-in", cell: ({ row }) => <DateTime value={row.original.lastLogin} empty="Never" /> },
  { accessorKey: "createdAt", header: "Created", cell: ({ row }) => <DateTime value={row.original.createdAt} /> },
];

export interface UsersTableProps {
  rows: UserTableRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: string;
  direction: "asc" | "desc";
}

export function UsersTable({ rows, total, page, pageSize, sort, direction }: UsersTableProps) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const sortedColumn = Object.entries(SORT_FIELDS).find(([, field]) => field === sort)?.[0];
  const sorting: SortingState = sortedColumn ? [{ id: sortedColumn, desc: direction === "desc" }] : [];

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
    const isDate = columnId === "lastLogin" || columnId === "createdAt";
    const nextDirection = sort === field ? (direction === "asc" ? "desc" : "asc") : isDate ? "desc" : "asc";
    const next = new URLSearchParams(params.toString());
    next.set("sort", field);
    next.set("direction", nextDirection);
    next.set("page", "1");
    startTransition(() => router.push(`${pathname}?${next.toString()}`));
  };

  return (
    <div aria-busy={pending} className={pending ? "opacity-60 transition-opacity" : "transition-opacity"}>
      <Table aria-label="Users">
        <THead>
          {table.getHeaderGroups().map((group) => (
            <Tr key={group.id}>
              {group.headers.map((header) => {
                const sortable = header.column.id in SORT_FIELDS;
                const sorted = sorting[0]?.id === header.column.id ? (sorting[0].desc ? "descending" : "ascending") : "none";
                return (
                  <Th key={header.id} aria-sort={sortable ? sorted : undefined}>
                    {sortable ? (
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
                    ) : (
                      <FlexRender header={header} />
                    )}
                  </Th>
                );
              })}
            </Tr>
          ))}
        </THead>
        <TableBodyRows rows={table.getRowModel().rows} />
      </Table>
      <ListPagination page={page} pageSize={pageSize} total={total} noun="users" />
    </div>
  );
}
