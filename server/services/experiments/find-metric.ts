import { NotFound } from "../../errors";
import type { ExperimentRow, MetricRow } from "./load-experiment";

/** The metric `metricId` among the experiment's metric definitions. */
export function findMetric(experiment: ExperimentRow, current: readonly MetricRow[], metricId: string): MetricRow {
  const row = current.find((metric) => metric.id === metricId);
  if (row === undefined) throw new NotFound(`Experiment "${experiment.key}" has no metric with id ${metricId}.`);
  return row;
}
