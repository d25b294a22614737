"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { type SortColumns, type SortDirection, sortChange, sortingOf, withChanges } from "./url-table-state";

/**
 * Moves to the current page's URL with some query parameters changed (the others, filters included, kept),
 * in a transition: `pending` is true while the server renders the new page.
 */
export function useUrlNavigation() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const navigate = (changes: Record<string, string>) => {
    const query = withChanges(params.toString(), changes);
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname));
  };
  return { navigate, pending };
}

/**
 * A server-sorted list's sort state, kept in the URL: the page (a server component) reads `sort`,
 * `direction` and `page` and queries one page; the table renders it and turns a header click into a new
 * URL. Pagination goes through ListPagination, which keeps the same URL.
 *
 *   const { sorting, pending, isSortable, toggleSort } = useUrlSorting(SORT_COLUMNS, sort, direction);
 */
export function useUrlSorting(columns: SortColumns, sort: string, direction: SortDirection) {
  const { navigate, pending } = useUrlNavigation();
  return {
    sorting: sortingOf(columns, sort, direction),
    pending,
    isSortable: (columnId: string) => columnId in columns.fields,
    toggleSort: (columnId: string) => {
      const changes = sortChange(columns, columnId, sort, direction);
      if (changes) navigate(changes);
    },
  };
}
