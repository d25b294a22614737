"use client";

import { FlexRender, type HeaderGroup, type RowData, type SortingState, type TableFeatures } from "@tanstack/react-table";
import { THead, Th, Tr } from "./data-table";
import { ArrowDownIcon, ArrowUpIcon, ChevronUpDownIcon } from "./icons";
import { ariaSortOf } from "./url-table-state";

export interface SortableTableHeadProps<TFeatures extends TableFeatures, TData extends RowData> {
  headerGroups: Array<HeaderGroup<TFeatures, TData>>;
  sorting: SortingState;
  isSortable: (columnId: string) => boolean;
  onSort: (columnId: string) => void;
  /** Classes per column, e.g. to hide a secondary column on phones (`hidden md:table-cell`). */
  columnClassName?: (columnId: string) => string | undefined;
}

/**
 * A TanStack table's <thead>: sortable columns get a button that says (to screen readers too) how the
 * column is sorted, and `aria-sort` on the header; the others a plain label. Sorting itself is the
 * caller's (usually the server's, through useUrlSorting).
 */
export function SortableTableHead<TFeatures extends TableFeatures, TData extends RowData>({ headerGroups, sorting, isSortable, onSort, columnClassName }: SortableTableHeadProps<TFeatures, TData>) {
  return (
    <THead>
      {headerGroups.map((group) => (
        <Tr key={group.id}>
          {group.headers.map((header) => {
            const id = header.column.id;
            const sorted = ariaSortOf(sorting, id, isSortable(id));
            return (
              <Th key={header.id} aria-sort={sorted} className={columnClassName?.(id)}>
                {sorted ? (
                  <button type="button" onClick={() => onSort(id)} className="inline-flex items-center gap-1 font-medium hover:text-zinc-900">
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
  );
}
