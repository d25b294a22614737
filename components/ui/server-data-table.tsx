"use client";

import { rowPaginationFeature, rowSortingFeature, tableFeatures, useTable, type ColumnDef, type RowData } from "@tanstack/react-table";
import { Table } from "./data-table";
import { ListPagination } from "./list-pagination";
import { SortableTableHead } from "./sortable-table-head";
import { TableBodyRows } from "./table-body-rows";
import type { SortColumns, SortDirection } from "./url-table-state";
import { useUrlSorting } from "./use-url-table-state";

/** Sorting and pagination happen in the database; the table renders one page and reports intent. */
export const serverTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });
export type ServerTableColumn<TData extends RowData> = ColumnDef<typeof serverTableFeatures, TData>;

export interface ServerDataTableProps<TData extends RowData> {
  /** The table's accessible name ("Feature flags"). */
  label: string;
  /** What the pagination counts, plural ("flags"). */
  noun: string;
  columns: Array<ServerTableColumn<TData>>;
  rows: TData[];
  total: number;
  page: number;
  pageSize: number;
  /** The service's sort field and direction for this page, as the URL asked. */
  sort: string;
  direction: SortDirection;
  sortColumns: SortColumns;
  /** Classes per column id, for its header and cells alike (`hidden md:table-cell` hides it on phones). */
  columnClasses?: Readonly<Record<string, string>>;
}

/**
 * One page of a server-paginated list as a real <table>: header clicks and Previous / Next change the URL
 * (useUrlSorting, ListPagination), the page's server component queries the next page, and the table fades
 * while it comes.
 */
export function ServerDataTable<TData extends RowData>({ label, noun, columns, rows, total, page, pageSize, sort, direction, sortColumns, columnClasses }: ServerDataTableProps<TData>) {
  const { sorting, pending, isSortable, toggleSort } = useUrlSorting(sortColumns, sort, direction);
  const table = useTable({
    features: serverTableFeatures,
    columns,
    data: rows,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    state: { sorting, pagination: { pageIndex: page - 1, pageSize } },
  });
  const columnClassName = (id: string) => columnClasses?.[id];

  return (
    <div aria-busy={pending} className={pending ? "opacity-60 transition-opacity" : "transition-opacity"}>
      <Table aria-label={label}>
        <SortableTableHead headerGroups={table.getHeaderGroups()} sorting={sorting} isSortable={isSortable} onSort={toggleSort} columnClassName={columnClassName} />
        <TableBodyRows rows={table.getRowModel().rows} cellClassName={columnClassName} />
      </Table>
      <ListPagination page={page} pageSize={pageSize} total={total} noun={noun} />
    </div>
  );
}
