import { customMetricIssues } from "./experiment.schema";
import { invalidFrom } from "./experiment-writes";
import type { MetricRow } from "./load-experiment";

type CheckedMetric = Pick<MetricRow, "name" | "metricType" | "aggregationMethod" | "eventValuePath"> & { id?: string };

/** The metric as it will be: its name free among the experiment's other metrics, and a CUSTOM metric complete. */
export function assertMetric(metric: CheckedMetric, existing: readonly MetricRow[]): void {
  const entries: { field: string; message: string }[] = [];
  if (existing.some((other) => other.id !== metric.id && other.name === metric.name)) {
    entries.push({ field: "name", message: `Another metric is already named "${metric.name}".` });
  }
  entries.push(...customMetricIssues(metric));
  if (entries.length > 0) throw invalidFrom(entries);
}
