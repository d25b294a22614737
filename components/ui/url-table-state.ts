/**
 * The pure half of a list page's URL-driven table state (see use-url-table-state.ts): which column is
 * sorted, what a click on a header asks for, and the query string that asks it. The server reads the
 * same `sort`, `direction` and `page` parameters, so the URL is the single source of truth.
 */
import type { SortingState } from "@tanstack/react-table";

export type SortDirection = "asc" | "desc";

export interface SortColumns {
  /** Column id → the list service's sort field; columns not here do not sort. */
  fields: Readonly<Record<string, string>>;
  /** Columns whose first click sorts descending (dates: newest first; numbers: largest first). */
  descendingFirst?: readonly string[];
}

/** The TanStack sorting state for the service's current sort; empty when no column shows that field. */
export function sortingOf(columns: SortColumns, sort: string, direction: SortDirection): SortingState {
  const column = Object.entries(columns.fields).find(([, field]) => field === sort)?.[0];
  return column ? [{ id: column, desc: direction === "desc" }] : [];
}

/**
 * The URL changes a click on a column's header asks for: the sorted column flips direction, another column
 * starts in its natural direction; either way back to page 1. Null for a column that does not sort.
 */
export function sortChange(columns: SortColumns, columnId: string, sort: string, direction: SortDirection): Record<string, string> | null {
  const field = columns.fields[columnId];
  if (!field) return null;
  const next: SortDirection = sort === field ? (direction === "asc" ? "desc" : "asc") : columns.descendingFirst?.includes(columnId) ? "desc" : "asc";
  return { sort: field, direction: next, page: "1" };
}

/** The query string with `changes` applied to `current` (other parameters, filters included, are kept). */
export function withChanges(current: string, changes: Readonly<Record<string, string>>): string {
  const next = new URLSearchParams(current);
  for (const [name, value] of Object.entries(changes)) next.set(name, value);
  return next.toString();
}

/** "aria-sort" for a column header: only sortable columns carry it. */
export function ariaSortOf(sorting: SortingState, columnId: string, sortable: boolean): "ascending" | "descending" | "none" | undefined {
  if (!sortable) return undefined;
  const current = sorting[0];
  return current?.id === columnId ? (current.desc ? "descending" : "ascending") : "none";
}

/**
 * A list page's address with `change` applied to its current filter `values` (an undefined or empty value
 * drops that parameter). Any filter change starts again at page 1, since `page` is not among the values.
 */
export function listHref(path: string, values: Readonly<Record<string, string | undefined>>, change: Readonly<Record<string, string | undefined>> = {}): string {
  const next = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...values, ...change })) if (value) next.set(name, value);
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}
