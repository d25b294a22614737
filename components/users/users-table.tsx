"use client";

import Link from "next/link";
import { DateTime } from "@/components/preferences/preferences-context";
import { Badge } from "@/components/ui/badge";
import { ServerDataTable, type ServerTableColumn } from "@/components/ui/server-data-table";
import type { SortColumns, SortDirection } from "@/components/ui/url-table-state";

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

/** Column id → the list service's sort field; columns not here do not sort. Dates start newest first. */
const SORT_COLUMNS: SortColumns = {
  fields: { user: "username", email: "email", lastLogin: "lastLogin", createdAt: "created" },
  descendingFirst: ["lastLogin", "createdAt"],
};

const columns: Array<ServerTableColumn<UserTableRow>> = [
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
  direction: SortDirection;
}

export function UsersTable(props: UsersTableProps) {
  return <ServerDataTable label="Users" noun="users" columns={columns} sortColumns={SORT_COLUMNS} {...props} />;
}
