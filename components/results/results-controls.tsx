import Link from "next/link";
import { cx } from "@/components/ui/class-names";
import { DIFFERENCE_LABELS, type Difference, ENGINE_LABELS, type Engine } from "./results-text";

export interface ResultsControlsProps {
  engine: Engine;
  difference: Difference;
}

/** The address of the Results tab with these choices, so a link or a reload keeps them. */
export function resultsHref(choice: ResultsControlsProps): string {
  return `?${new URLSearchParams({ tab: "results", engine: choice.engine, difference: choice.difference }).toString()}`;
}

function Segmented<T extends string>({ label, options, chosen, href }: { label: string; options: Record<T, string>; chosen: T; href: (value: T) => string }) {
  return (
    <nav aria-label={label} className="inline-flex rounded-lg border border-zinc-300 bg-white p-0.5 text-[13px] shadow-xs">
      {(Object.keys(options) as T[]).map((value) => (
        <Link
          key={value}
          href={href(value)}
          scroll={false}
          replace
          aria-current={value === chosen ? "true" : undefined}
          className={cx("rounded-md px-2.5 py-1 font-medium whitespace-nowrap", value === chosen ? "bg-zinc-900 text-white" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900")}
        >
          {options[value]}
        </Link>
      ))}
    </nav>
  );
}

/** Engine and scale: links, not state, so the server computes the chosen analysis and the address shares it. */
export function ResultsControls({ engine, difference }: ResultsControlsProps) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Segmented label="Statistics engine" options={ENGINE_LABELS} chosen={engine} href={(value) => resultsHref({ engine: value, difference })} />
      <Segmented label="Effect scale" options={DIFFERENCE_LABELS} chosen={difference} href={(value) => resultsHref({ engine, difference: value })} />
    </div>
  );
}
