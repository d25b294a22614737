/**
 * The daily history reshaped for the charts: one object per day with one key per variant, the shape
 * recharts draws from. Pure, so the reshaping is unit-tested apart from the drawing.
 */
import type { ResultsHistory } from "@/server/services/results/results.schema";

export type HistoryDays = ResultsHistory["metrics"][number]["days"];

/** Variants in the order they first appear, control first. */
export function historyVariants(days: HistoryDays): { name: string; isControl: boolean }[] {
  const seen = new Map<string, boolean>();
  for (const day of days) for (const row of day.variants) if (!seen.has(row.variant)) seen.set(row.variant, row.isControl);
  return [...seen].map(([name, isControl]) => ({ name, isControl })).sort((a, b) => Number(b.isControl) - Number(a.isControl));
}

export type ChartPoint = { date: string } & Record<string, number | [number, number] | string | null>;

/** Users per variant per day: `daily` counts the users assigned that day, `cumulative` all up to its end. */
export function usersSeries(days: HistoryDays, mode: "daily" | "cumulative"): ChartPoint[] {
  return days.map((day) => {
    const point: ChartPoint = { date: day.date };
    for (const row of day.variants) point[row.variant] = mode === "daily" ? row.newUsers : row.users;
    return point;
  });
}

/** The metric's cumulative mean per variant per day. */
export function meanSeries(days: HistoryDays): ChartPoint[] {
  return days.map((day) => {
    const point: ChartPoint = { date: day.date };
    for (const row of day.variants) point[row.variant] = row.mean;
    return point;
  });
}

/** Key of a treatment's interval band in `effectSeries` points. */
export const bandKey = (variant: string) => `${variant} interval`;

/** Every number drawn in these points (interval ends included), for the axis. */
export function pointValues(points: readonly ChartPoint[]): number[] {
  return points.flatMap((point) => Object.entries(point).flatMap(([key, value]) => (key === "date" ? [] : Array.isArray(value) ? value : typeof value === "number" ? [value] : [])));
}

/** Each treatment's cumulative effect against control, with its interval as a [lower, upper] band. */
export function effectSeries(days: HistoryDays): ChartPoint[] {
  return days.map((day) => {
    const point: ChartPoint = { date: day.date };
    for (const row of day.variants) {
      if (row.isControl) continue;
      point[row.variant] = row.effect;
      point[bandKey(row.variant)] = row.ciLower !== null && row.ciUpper !== null ? [row.ciLower, row.ciUpper] : null;
    }
    return point;
  });
}
