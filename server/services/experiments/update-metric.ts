import { eq } from "drizzle-orm";
import { metrics } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { validate } from "../validate";
import { type ExperimentRef, type UpdateMetricInput, updateMetricSchema } from "./experiment.schema";
import { touchExperiment } from "./experiment-writes";
import { findMetric } from "./find-metric";
import { type MetricRow, findExperiment, loadMetrics } from "./load-experiment";
import { assertMetric } from "./metric-checks";
import { assertConfigurationEditable } from "./frozen-configuration";

export interface UpdateMetricRequest {
  experiment: ExperimentRef;
  metricId: string;
  changes: UpdateMetricInput;
}

function pick<T>(change: T | undefined, current: T): T {
  return change !== undefined ? change : current;
}

/** Changes some fields of a metric definition, checked on the metric as it will be (e.g. a CUSTOM metric stays complete). */
export async function updateMetric(ctx: ServiceContext, input: UpdateMetricRequest): Promise<MetricRow> {
  authorize(ctx, "experiment", "update");
  const changes = validate(updateMetricSchema, input.changes);
  return ctx.db.transaction(async (tx) => {
    const experiment = await findExperiment(tx, input.experiment, { lock: true });
    assertConfigurationEditable(experiment, ["metricDefinitions"], "its metrics");
    const current = await loadMetrics(tx, experiment.id);
    const row = findMetric(experiment, current, input.metricId);
    const merged: MetricRow = {
      ...row,
      name: pick(changes.name, row.name),
      description: pick(changes.description, row.description),
      eventName: pick(changes.eventName, row.eventName),
      metricType: pick(changes.metricType, row.metricType),
      isPrimary: pick(changes.isPrimary, row.isPrimary),
      aggregationMethod: pick(changes.aggregationMethod, row.aggregationMethod),
      minimumSampleSize: pick(changes.minimumSampleSize, row.minimumSampleSize),
      expectedEffect: pick(changes.expectedEffect, row.expectedEffect),
      eventValuePath: pick(changes.eventValuePath, row.eventValuePath),
      lowerIsBetter: pick(changes.lowerIsBetter, row.lowerIsBetter),
    };
    if (JSON.stringify(merged) === JSON.stringify(row)) return row;
    assertMetric(merged, current);
    const { id, experimentId: _experimentId, createdAt: _createdAt, updatedAt: _updatedAt, ...values } = merged;
    const [updated] = await tx.update(metrics).set(values).where(eq(metrics.id, id)).returning();
    if (!updated) throw new Error("update of metrics returned no row");
    await touchExperiment(tx, experiment.id);
    await writeAudit(tx, ctx.actor, { action: "metric.update", entityType: "metric", entityId: id, before: row, after: updated });
    return updated;
  });
}
