"use client";

import { useState } from "react";
import { Area, Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { cx } from "@/components/ui/class-names";
import { zeroBasedTicks } from "./axis-scale";
import { bandKey, type ChartPoint, effectSeries, historyVariants, type HistoryDays, meanSeries, pointValues, usersSeries } from "./history-series";
import { type Difference, formatCount, formatEffect, formatMetricValue, type MetricType } from "./results-text";

/** Control in grey, treatments in the app's accent colours (Tailwind zinc-500, indigo-600, emerald-600, amber-600, pink-600, sky-600). */
const PALETTE = ["#71717a", "#4f46e5", "#059669", "#d97706", "#db2777", "#0284c7"];
const colour = (index: number) => PALETTE[index % PALETTE.length] ?? "#4f46e5";

const axis = { tick: { fill: "#52525b", fontSize: 12 }, stroke: "#d4d4d8" };
const shortDate = (value: string) => new Date(`${value}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
/** While there are few days, points are marked (a line needs two) and each day's interval is a floating bar, not a band. */
const few = (days: HistoryDays) => days.length < 8;
const dots = (days: HistoryDays) => (few(days) ? { r: 3 } : false);
/** A Y axis on round ticks from zero (or below) that holds every value drawn. */
function yTicks(points: readonly ChartPoint[]) {
  const ticks = zeroBasedTicks(pointValues(points));
  return { ticks, domain: [ticks[0] ?? 0, ticks.at(-1) ?? 1] as [number, number], interval: 0 as const };
}
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

function ChartFrame({ title, description, children, actions }: { title: string; description: string; children: React.ReactElement; actions?: React.ReactNode }) {
  return (
    <figure className="min-w-0 space-y-2" aria-label={`${title}: ${description}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <figcaption className="text-sm font-medium text-zinc-800">{title}</figcaption>
        {actions}
      </div>
      <div className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Users per variant per day, as new users a day (bars) or the running total (lines). */
export function UsersOverTimeChart({ days }: { days: HistoryDays }) {
  const [mode, setMode] = useState<"daily" | "cumulative">("cumulative");
  const variants = historyVariants(days);
  const data = usersSeries(days, mode);
  const toggle = (
    <div role="group" aria-label="Users per day or in total" className="inline-flex rounded-lg border border-zinc-300 p-0.5 text-[13px]">
      {(["cumulative", "daily"] as const).map((choice) => (
        <button
          key={choice}
          type="button"
          aria-pressed={mode === choice}
          onClick={() => setMode(choice)}
          className={cx("rounded-md px-2.5 py-1 font-medium", mode === choice ? "bg-zinc-900 text-white" : "text-zinc-600 hover:text-zinc-900")}
        >
          {choice === "daily" ? "Daily" : "Cumulative"}
        </button>
      ))}
    </div>
  );
  const common = (
    <>
      <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={16} {...axis} />
      <YAxis tickFormatter={(value: number) => compact.format(value)} width={44} {...yTicks(data)} {...axis} />
      <Tooltip labelFormatter={(label) => shortDate(String(label))} formatter={(value) => formatCount(Number(value))} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
    </>
  );
  return (
    <ChartFrame title="Users per variant" description={mode === "daily" ? "new users assigned each day, per variant" : "users assigned so far, per variant"} actions={toggle}>
      {mode === "daily" ? (
        <BarChart data={data} margin={{ top: 10, right: 8, bottom: 0, left: 0 }}>
          {common}
          {variants.map((variant, index) => (
            <Bar key={variant.name} dataKey={variant.name} fill={colour(index)} isAnimationActive={false} />
          ))}
        </BarChart>
      ) : (
        <LineChart data={data} margin={{ top: 10, right: 8, bottom: 0, left: 0 }}>
          {common}
          {variants.map((variant, index) => (
            <Line key={variant.name} type="monotone" dataKey={variant.name} stroke={colour(index)} strokeWidth={2} dot={dots(days)} isAnimationActive={false} />
          ))}
        </LineChart>
      )}
    </ChartFrame>
  );
}

export interface MetricHistoryChartsProps {
  metric: string;
  metricType: MetricType;
  difference: Difference;
  days: HistoryDays;
  intervalName: string;
}

/** A metric's cumulative value per variant, and each treatment's effect with its interval, day by day. */
export function MetricHistoryCharts({ metric, metricType, difference, days, intervalName }: MetricHistoryChartsProps) {
  const variants = historyVariants(days);
  const value = (v: unknown) => formatMetricValue(typeof v === "number" ? v : null, metricType);
  const effect = (v: unknown) => formatEffect(typeof v === "number" ? v : null, difference, metricType);
  const means = meanSeries(days);
  const effects = effectSeries(days);
  return (
    <div className="grid gap-6 border-t border-zinc-200 pt-5 lg:grid-cols-2">
      <ChartFrame title={metricType === "CONVERSION" ? "Conversion rate over time" : `Mean ${metric} over time`} description="cumulative value per variant by day">
        <LineChart data={means} margin={{ top: 10, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={16} {...axis} />
          <YAxis tickFormatter={value} width={52} {...yTicks(means)} {...axis} />
          <Tooltip labelFormatter={(label) => shortDate(String(label))} formatter={value} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {variants.map((variant, index) => (
            <Line key={variant.name} type="monotone" dataKey={variant.name} stroke={colour(index)} strokeWidth={2} dot={dots(days)} isAnimationActive={false} connectNulls />
          ))}
        </LineChart>
      </ChartFrame>
      <ChartFrame title={`${difference === "relative" ? "Lift" : "Difference"} over time`} description={`each treatment's cumulative effect against control with its ${intervalName}`}>
        <ComposedChart data={effects} margin={{ top: 10, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={16} {...axis} />
          <YAxis tickFormatter={effect} width={56} {...yTicks(effects)} {...axis} />
          <Tooltip
            labelFormatter={(label) => shortDate(String(label))}
            formatter={(v) => (Array.isArray(v) ? `${effect(v[0])} to ${effect(v[1])}` : effect(v))}
          />
          <ReferenceLine y={0} stroke="#a1a1aa" strokeDasharray="4 4" />
          {variants.map((variant, index) =>
            variant.isControl ? null : few(days) ? (
              <Bar key={`${variant.name}-band`} dataKey={bandKey(variant.name)} barSize={10} fill={colour(index)} fillOpacity={0.2} isAnimationActive={false} legendType="none" />
            ) : (
              <Area key={`${variant.name}-band`} type="monotone" dataKey={bandKey(variant.name)} stroke="none" fill={colour(index)} fillOpacity={0.15} isAnimationActive={false} connectNulls legendType="none" />
            ),
          )}
          {variants.map((variant, index) =>
            variant.isControl ? null : (
              <Line key={variant.name} type="monotone" dataKey={variant.name} stroke={colour(index)} strokeWidth={2} dot={dots(days)} isAnimationActive={false} connectNulls />
            ),
          )}
        </ComposedChart>
      </ChartFrame>
    </div>
  );
}
