"use client";

import { useUrlNavigation } from "./use-url-table-state";

/** "1–25 of 120 users" with Previous / Next, keeping the list's other query parameters (filters, sort). */
export function ListPagination({ page, pageSize, total, noun }: { page: number; pageSize: number; total: number; noun: string }) {
  const { navigate, pending } = useUrlNavigation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const go = (target: number) => navigate({ page: String(target) });
  const button = "rounded-md border border-zinc-200 bg-white px-3 py-1.5 font-medium text-zinc-700 enabled:hover:bg-zinc-50 disabled:text-zinc-400";
  return (
    <nav aria-label="Pagination" aria-busy={pending} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 pt-4 text-sm text-zinc-600">
      <p>
        {first}–{Math.min(total, page * pageSize)} of {total} {noun}
      </p>
      <div className="flex items-center gap-2">
        <button type="button" className={button} disabled={page <= 1 || pending} onClick={() => go(page - 1)}>
          Previous
        </button>
        <span className="tabular-nums">
          Page {page} of {pages}
        </span>
        <button type="button" className={button} disabled={page >= pages || pending} onClick={() => go(page + 1)}>
          Next
        </button>
      </div>
    </nav>
  );
}
