import Link from "next/link";
import { cx } from "./class-names";

export interface PaginationProps {
  /** The page's path; `?page=N` is appended. */
  basePath: string;
  page: number;
  pageSize: number;
  total: number;
  /** What is being counted, plural: "users". */
  noun: string;
}

/** Server-side pagination: "1–50 of 120 users" with Previous / Next links. */
export function Pagination({ basePath, page, pageSize, total, noun }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const link = (target: number, label: string, enabled: boolean) =>
    enabled ? (
      <Link href={`${basePath}?page=${target}`} className="rounded-md border border-zinc-200 bg-white px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-50">
        {label}
      </Link>
    ) : (
      <span aria-disabled="true" className={cx("rounded-md border border-zinc-100 px-3 py-1.5 text-sm text-zinc-500")}>
        {label}
      </span>
    );
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4 pt-4 text-sm text-zinc-600">
      <p>
        {first}–{last} of {total} {noun}
      </p>
      <div className="flex gap-2">
        {link(page - 1, "Previous", page > 1)}
        {link(page + 1, "Next", page < pages)}
      </div>
    </nav>
  );
}
