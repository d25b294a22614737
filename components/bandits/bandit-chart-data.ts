/** The re-weighting history as chart rows: one per re-weighting, each variant's share of traffic in percent. */
export interface BanditHistoryPoint {
  createdAt: string;
  trigger: "schedule" | "manual" | "start";
  allocations: readonly { variantId: string; variant: string | null; weight: number }[];
}

export interface BanditChartRow {
  /** Milliseconds since the epoch, for a time axis. */
  time: number;
  trigger: BanditHistoryPoint["trigger"];
  /** Share of the experiment's traffic per series key, in percent. */
  shares: Record<string, number>;
}

export interface BanditChartSeries {
  key: string;
  label: string;
}

/**
 * Series follow the variants' order (bucket order, as everywhere on the page); an arm whose variant has
 * been removed keeps its own series under its id. A last row at `now` carries the current split to the
 * right edge, so a step chart shows how long it has held.
 */
export function banditChartData(history: readonly BanditHistoryPoint[], variantOrder: readonly { id: string; name: string }[], now: Date): { rows: BanditChartRow[]; series: BanditChartSeries[] } {
  const series: BanditChartSeries[] = variantOrder.map((v) => ({ key: v.id, label: v.name }));
  const known = new Set(series.map((s) => s.key));
  for (const point of history) {
    for (const arm of point.allocations) {
      if (!known.has(arm.variantId)) {
        known.add(arm.variantId);
        series.push({ key: arm.variantId, label: arm.variant ?? "removed variant" });
      }
    }
  }
  const rows = history.map((point) => ({
    time: Date.parse(point.createdAt),
    trigger: point.trigger,
    shares: Object.fromEntries(point.allocations.map((arm) => [arm.variantId, Math.round(arm.weight * 10_000) / 100])),
  }));
  const last = rows.at(-1);
  if (last && now.getTime() > last.time) rows.push({ ...last, time: now.getTime() });
  return { rows, series };
}
