/**
 * The planning page's address for a metric, prefilled from its definition: the metric type, its expected
 * effect as the effect to detect, and its minimum sample size (users per variant) as the sample to check.
 */
export interface PlannableMetric {
  name: string;
  metricType: string;
  minimumSampleSize: number | null;
  expectedEffect: number | null;
}

export function planningHref(metric: PlannableMetric): string {
  const params = new URLSearchParams({ metric: metric.name, metricType: metric.metricType === "CONVERSION" ? "binomial" : "mean" });
  if (metric.expectedEffect !== null) params.set("effect", String(metric.expectedEffect));
  if (metric.minimumSampleSize !== null) params.set("minimumSampleSize", String(metric.minimumSampleSize));
  return `/planning?${params.toString()}`;
}
