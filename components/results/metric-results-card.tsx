import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cx } from "@/components/ui/class-names";
import { METRIC_TYPE_LABELS } from "@/components/experiments/metric-labels";
import { ForestPlot } from "./forest-plot";
import {
  type Difference,
  type Engine,
  formatCount,
  formatEffect,
  formatInterval,
  formatMetricValue,
  formatChance,
  formatPValue,
  intervalName,
  type MetricResult,
  significanceBadge,
  type Tone,
  verdictText,
} from "./results-text";

export interface MetricResultsCardProps {
  metric: MetricResult;
  engine: Engine;
  difference: Difference;
  alpha: number;
  /** The metric's charts over time, when there is history. */
  charts?: ReactNode;
}

const VERDICT_TONE: Record<Tone, string> = {
  success: "border-success-200 bg-success-50 text-success-800",
  danger: "border-danger-200 bg-danger-50 text-danger-800",
  warning: "border-warning-200 bg-warning-50 text-warning-800",
  neutral: "border-zinc-200 bg-zinc-50 text-zinc-700",
};

const th = "px-3 py-2 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase whitespace-nowrap";
const td = "px-3 py-2.5 whitespace-nowrap tabular-nums";

/** One metric: verdicts in words first, then the numbers behind them, then the forest plot and trends. */
export function MetricResultsCard({ metric, engine, difference, alpha, charts }: MetricResultsCardProps) {
  const control = metric.variants.find((row) => row.isControl);
  const context = { engine, difference, alpha, control: control?.variant ?? "control" };
  const treatments = metric.variants.filter((row) => !row.isControl);
  const valueLabel = metric.metricType === "CONVERSION" ? "Conversion rate" : "Mean";
  const interval = intervalName(engine, alpha);
  const bayesian = engine === "bayesian";
  return (
    <Card role="region" aria-label={`Metric ${metric.metric}`}>
      <CardHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {metric.metric}
            {metric.isPrimary ? <Badge tone="accent">Primary</Badge> : null}
            {metric.regression ? (
              <Badge tone="danger" dot>
                Guardrail
              </Badge>
            ) : null}
          </span>
        }
        description={`${METRIC_TYPE_LABELS[metric.metricType]} · ${metric.lowerIsBetter ? "lower is better" : "higher is better"}${metric.minimumSampleSize ? ` · verdict after ${formatCount(metric.minimumSampleSize)} users per variant` : ""}`}
      />
      <CardBody className="space-y-5">
        <ul className="space-y-2">
          {treatments.map((row) => {
            const verdict = verdictText(row, metric, context);
            return (
              <li key={row.variant} className={cx("rounded-lg border px-3 py-2 text-sm", VERDICT_TONE[verdict.tone])}>
                {verdict.text}
              </li>
            );
          })}
        </ul>
        <div className="-mx-5 overflow-x-auto border-y border-zinc-200 sm:mx-0 sm:rounded-lg sm:border">
          <table className="min-w-full divide-y divide-zinc-200 text-sm">
            <caption className="sr-only">{`${metric.metric} by variant`}</caption>
            <thead className="bg-zinc-50">
              <tr>
                <th scope="col" className={th}>Variant</th>
                <th scope="col" className={cx(th, "text-right")}>Users</th>
                <th scope="col" className={cx(th, "text-right")}>{valueLabel}</th>
                <th scope="col" className={cx(th, "text-right")}>{difference === "relative" ? "Lift" : "Difference"}</th>
                <th scope="col" className={cx(th, "text-right")}>{interval}</th>
                <th scope="col" className={cx(th, "text-right")}>{bayesian ? "Chance to win" : "p-value (adj.)"}</th>
                <th scope="col" className={th}>Result</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {metric.variants.map((row) => {
                const badge = significanceBadge(row, metric, engine);
                const effect = difference === "relative" ? row.relativeEffect : row.absoluteEffect;
                return (
                  <tr key={row.variant}>
                    <th scope="row" className={cx(td, "text-left font-medium text-zinc-900")}>
                      {row.variant}
                      {row.isControl && row.variant.toLowerCase() !== "control" ? <span className="ml-2 text-xs font-normal text-zinc-500">control</span> : null}
                    </th>
                    <td className={cx(td, "text-right")}>{formatCount(row.users)}</td>
                    <td className={cx(td, "text-right")}>{formatMetricValue(row.mean, metric.metricType)}</td>
                    <td className={cx(td, "text-right font-medium")}>{row.isControl ? "—" : formatEffect(effect, difference, metric.metricType)}</td>
                    <td className={cx(td, "text-right text-zinc-600")}>{row.isControl ? "—" : formatInterval(row, difference, metric.metricType)}</td>
                    <td className={cx(td, "text-right")}>
                      {row.isControl ? "—" : bayesian ? (row.chanceToWin === null ? "—" : formatChance(row.chanceToWin)) : <PValue row={row} />}
                    </td>
                    <td className={td}>{badge ? <Badge tone={badge.tone}>{badge.label}</Badge> : null}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <ForestPlot rows={metric.variants} difference={difference} metricType={metric.metricType} lowerIsBetter={metric.lowerIsBetter} intervalName={interval} />
        {charts}
      </CardBody>
    </Card>
  );
}

/** The adjusted p-value, with the raw one beside it when the correction changed it. */
function PValue({ row }: { row: MetricResult["variants"][number] }) {
  const adjusted = row.adjustedPValue ?? row.pValue;
  const raw = row.pValue;
  return (
    <span>
      {formatPValue(adjusted)}
      {raw !== null && adjusted !== null && formatPValue(raw) !== formatPValue(adjusted) ? <span className="ml-1 text-xs text-zinc-500">(raw {formatPValue(raw)})</span> : null}
    </span>
  );
}
