import Link from "next/link";
import { cx } from "./class-names";

export interface FilterTab {
  label: string;
  count: number;
  href: string;
  current: boolean;
}

/** Links that filter a list, as tabs with counts: the quickest filter, and an overview at a glance. */
export function FilterTabs({ label, tabs }: { label: string; tabs: readonly FilterTab[] }) {
  return (
    <nav aria-label={label} className="mb-4 flex flex-wrap gap-1 border-b border-zinc-200">
      {tabs.map((tab) => (
        <Link
          key={tab.label}
          href={tab.href}
          aria-current={tab.current ? "page" : undefined}
          className={cx(
            "-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium",
            tab.current ? "border-accent-600 text-zinc-900" : "border-transparent text-zinc-500 hover:text-zinc-800",
          )}
        >
          {tab.label}
          <span className="rounded-full bg-zinc-100 px-1.5 text-xs tabular-nums text-zinc-600">{tab.count}</span>
        </Link>
      ))}
    </nav>
  );
}
