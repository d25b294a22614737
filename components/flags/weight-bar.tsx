import { formatPercentage } from "@/core/experiments/allocation";
import { segmentColor } from "@/components/experiments/coverage-bar";
import { cx } from "@/components/ui/class-names";
import { weightSummary } from "./variant-weights";

export interface WeightBarProps {
  variants: readonly { key: string; weight: number }[];
  className?: string;
}

/** The variants' weights as one bar, with a legend and whether they add up to 100%. */
export function WeightBar({ variants, className }: WeightBarProps) {
  const summary = weightSummary(variants.map((v) => v.weight));
  const off = summary.state !== "exact";
  return (
    <div className={cx("space-y-2", className)}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 text-[13px]">
        <span className="font-medium text-zinc-900">Weights</span>
        <span className={cx("tabular-nums", off ? "font-medium text-danger-700" : "text-zinc-600")}>{summary.message}</span>
      </div>
      <div aria-hidden="true" className={cx("flex h-3 overflow-hidden rounded-full bg-zinc-100 ring-1 ring-inset", off ? "ring-danger-500" : "ring-zinc-200")}>
        {summary.widths.map((width, index) =>
          width > 0 ? <div key={index} className={cx("h-full border-r border-white last:border-r-0", segmentColor(index))} style={{ width: `${width}%` }} /> : null,
        )}
      </div>
      <ul aria-label="Variant weights" className="flex flex-wrap gap-x-4 gap-y-1 text-[13px] text-zinc-700">
        {variants.map((variant, index) => (
          <li key={index} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className={cx("size-2.5 rounded-sm", segmentColor(index))} />
            <span className="max-w-48 truncate font-mono text-xs">{variant.key || `variant ${index + 1}`}</span>
            <span className="tabular-nums text-zinc-500">{formatPercentage(summary.weights[index] ?? 0)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
