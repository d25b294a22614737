"use client";

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BanditChartRow, BanditChartSeries } from "./bandit-chart-data";

/** The coverage bar's palette (components/experiments/coverage-bar.tsx), so a variant has one color on the page. */
const COLORS = ["--color-accent-600", "--color-success-500", "--color-warning-500", "--color-accent-300", "--color-danger-500", "--color-success-700", "--color-warning-700", "--color-zinc-700"];
const colorOf = (index: number) => `var(${COLORS[index % COLORS.length] ?? "--color-zinc-700"})`;

const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const hour = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
/** A history under two days long is labelled by the hour, else by the day. */
const TWO_DAYS = 2 * 86_400_000;
const moment = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });

export interface BanditHistoryChartProps {
  rows: readonly BanditChartRow[];
  series: readonly BanditChartSeries[];
}

/** Each variant's share of the bandit's traffic over time, stacked to 100%, as steps: a split holds until the next re-weighting. */
export function BanditHistoryChart({ rows, series }: BanditHistoryChartProps) {
  const latest = rows.at(-1);
  const span = rows.length > 1 ? rows.at(-1)!.time - rows[0]!.time : 0;
  const tick = span < TWO_DAYS ? hour : day;
  const summary = latest ? series.map((s) => `${s.label} ${latest.shares[s.key] ?? 0}%`).join(", ") : "";
  return (
    <figure className="space-y-2">
      <div className="h-64 w-full" role="img" aria-label={`Traffic share per variant over time; now ${summary}.`}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={[...rows]} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" />
            <XAxis dataKey="time" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(value: number) => tick.format(value)} tick={{ fill: "#52525b", fontSize: 12 }} minTickGap={24} />
            <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(value: number) => `${value}%`} tick={{ fill: "#52525b", fontSize: 12 }} width={44} />
            <Tooltip
              labelFormatter={(label) => moment.format(Number(label))}
              formatter={(value, name) => [`${Number(value).toFixed(1)}%`, name]}
              contentStyle={{ fontSize: 13, borderRadius: 8, borderColor: "#e4e4e7" }}
            />
            {series.map((s, index) => (
              <Area
                key={s.key}
                type="stepAfter"
                dataKey={(row: BanditChartRow) => row.shares[s.key] ?? 0}
                name={s.label}
                stackId="share"
                stroke={colorOf(index)}
                fill={colorOf(index)}
                fillOpacity={0.55}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-[13px] text-zinc-600">
        {series.map((s, index) => (
          <span key={s.key} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="size-2.5 rounded-sm" style={{ background: colorOf(index) }} />
            {s.label}
            {latest ? <span className="tabular-nums text-zinc-900">{latest.shares[s.key] ?? 0}%</span> : null}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
