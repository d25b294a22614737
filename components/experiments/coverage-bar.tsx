import { exceedsTotalAllocation, formatPercentage, totalAllocation } from "@/core/experiments/allocation";
import { cx } from "@/components/ui/class-names";

/** Colors told apart by lightness as well as hue; the legend's text carries the meaning. */
const SEGMENT_COLORS = ["bg-accent-600", "bg-success-500", "bg-warning-500", "bg-accent-300", "bg-danger-500", "bg-success-700", "bg-warning-700", "bg-zinc-700"];

export function segmentColor(index: number): string {
  return SEGMENT_COLORS[index % SEGMENT_COLORS.length] ?? "bg-zinc-700";
}

export interface CoverageBarProps {
  variants: readonly { name: string; trafficAllocation: number }[];
  className?: string;
}

/**
 * Each variant's share of eligible users, and the rest of 100% that is not enrolled (DESIGN §5). Over
 * 100% cannot be saved; the bar says so instead of drawing it.
 */
export function CoverageBar({ variants, className }: CoverageBarProps) {
  const allocations = variants.map((variant) => (Number.isFinite(variant.trafficAllocation) ? Math.max(0, variant.trafficAllocation) : 0));
  const total = totalAllocation(allocations);
  const over = exceedsTotalAllocation(total);
  // 33.3 + 33.3 + 33.4 leaves a binary-rounding crumb, not a share of users.
  const rest = total >= 100 - 1e-9 ? 0 : 100 - total;
  const scale = over ? 100 / total : 1;
  return (
    <div className={cx("space-y-2", className)}>
      <div className="flex items-baseline justify-between gap-3 text-[13px]">
        <span className="font-medium text-zinc-900">Traffic coverage</span>
        <span className={cx("tabular-nums", over ? "font-medium text-danger-700" : "text-zinc-600")}>
          {over ? `${formatPercentage(total)} allocated: at most 100% is possible` : `${formatPercentage(total)} of users enrolled`}
        </span>
      </div>
      <div aria-hidden="true" className={cx("flex h-3 overflow-hidden rounded-full bg-zinc-100 ring-1 ring-inset", over ? "ring-danger-500" : "ring-zinc-200")}>
        {allocations.map((allocation, index) =>
          allocation > 0 ? (
            <div key={index} className={cx("h-full border-r border-white last:border-r-0", segmentColor(index))} style={{ width: `${allocation * scale}%` }} />
          ) : null,
        )}
      </div>
      <ul aria-label="Traffic allocation" className="flex flex-wrap gap-x-4 gap-y-1 text-[13px] text-zinc-700">
        {variants.map((variant, index) => (
          <li key={index} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className={cx("size-2.5 rounded-sm", segmentColor(index))} />
            <span className="max-w-48 truncate">{variant.name || `Variant ${index + 1}`}</span>
            <span className="tabular-nums text-zinc-500">{formatPercentage(allocations[index] ?? 0)}</span>
          </li>
        ))}
        {rest > 0 ? (
          <li className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="size-2.5 rounded-sm bg-zinc-100 ring-1 ring-inset ring-zinc-300" />
            <span>Not enrolled</span>
            <span className="tabular-nums text-zinc-500">{formatPercentage(rest)}</span>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
