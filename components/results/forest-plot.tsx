import { cx } from "@/components/ui/class-names";
import { forestScale } from "./axis-scale";
import { type Difference, formatEffect, formatInterval, isImprovement, type MetricType, type VariantRow } from "./results-text";

export interface ForestPlotProps {
  rows: readonly VariantRow[];
  difference: Difference;
  metricType: MetricType;
  lowerIsBetter: boolean;
  intervalName: string;
}

const TONE = {
  good: { line: "stroke-success-600", dot: "fill-success-600" },
  bad: { line: "stroke-danger-600", dot: "fill-danger-600" },
  none: { line: "stroke-zinc-400", dot: "fill-zinc-600" },
};

/**
 * Each treatment's effect and interval on one shared axis, with zero marked: an interval clear of the
 * line is a significant result at a glance. Plain SVG with percentage coordinates, so it stretches with
 * its card at any width while the text stays outside the drawing at its normal size.
 */
export function ForestPlot({ rows, difference, metricType, lowerIsBetter, intervalName }: ForestPlotProps) {
  const treatments = rows.filter((row) => !row.isControl && (difference === "relative" ? row.relativeEffect : row.absoluteEffect) !== null);
  if (treatments.length === 0) return null;
  const effectOf = (row: VariantRow) => (difference === "relative" ? row.relativeEffect : row.absoluteEffect) ?? 0;
  const scale = forestScale(treatments.map((row) => ({ effect: effectOf(row), lower: row.ciLower, upper: row.ciUpper })));
  const x = (value: number) => `${scale.position(value) * 100}%`;
  const format = (value: number) => formatEffect(value, difference, metricType);
  return (
    <figure className="space-y-1.5" aria-label={`${intervalName} of each treatment's effect against control`}>
      <div className="grid grid-cols-[minmax(4.5rem,auto)_1fr] items-center gap-x-3 gap-y-1.5 sm:grid-cols-[minmax(6rem,auto)_1fr_minmax(8rem,auto)]">
        {treatments.map((row) => {
          const effect = effectOf(row);
          const tone = row.significant ? (isImprovement(effect, lowerIsBetter) ? TONE.good : TONE.bad) : TONE.none;
          const lower = row.ciLower ?? scale.min;
          const upper = row.ciUpper ?? scale.max;
          return (
            <div key={row.variant} className="contents">
              <span className="truncate text-[13px] font-medium text-zinc-700" title={row.variant}>
                {row.variant}
              </span>
              <svg className="h-7 w-full overflow-visible" role="img" aria-label={`${row.variant}: ${format(effect)} (${intervalName} ${formatInterval(row, difference, metricType)})`}>
                <line x1={x(0)} x2={x(0)} y1="0" y2="100%" className="stroke-zinc-300" strokeDasharray="3 3" />
                <line x1={x(lower)} x2={x(upper)} y1="50%" y2="50%" strokeWidth={3} strokeLinecap="round" className={tone.line} />
                <circle cx={x(effect)} cy="50%" r={5} className={cx(tone.dot, "stroke-white")} strokeWidth={1.5} />
              </svg>
              <span className="col-span-2 -mt-1 text-right text-xs text-zinc-600 tabular-nums sm:col-span-1 sm:mt-0 sm:text-[13px]">
                {format(effect)} <span className="text-zinc-500">({formatInterval(row, difference, metricType)})</span>
              </span>
            </div>
          );
        })}
        <span aria-hidden="true" />
        <div aria-hidden="true" className="relative h-4 text-[11px] text-zinc-500 tabular-nums">
          {scale.ticks.map((tick) => (
            <span key={tick} className="absolute -translate-x-1/2" style={{ left: x(tick) }}>
              {format(tick)}
            </span>
          ))}
        </div>
      </div>
      <figcaption className="text-xs text-zinc-500">
        Effect against control with its {intervalName}; the dashed line is no change.
      </figcaption>
    </figure>
  );
}
