import { eq } from "drizzle-orm";
import { metrics } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import type { ExperimentRef } from "./experiment.schema";
import { touchExperiment } from "./experiment-writes";
import { findMetric } from "./find-metric";
import { type MetricRow, findExperiment, loadMetrics } from "./load-experiment";
import { assertConfigurationEditable } from "./frozen-configuration";

export interface RemoveMetricRequest {
  experiment: ExperimentRef;
  metricId: string;
}

/**
 * Removes a metric definition. Events stay (they are not tied to metrics), so a removed metric can be
 * defined again without losing data; a running experiment left without a primary metric cannot resume.
 */
export async function removeMetric(ctx: ServiceContext, input: RemoveMetricRequest): Promise<MetricRow> {
  authorize(ctx, "experiment", "update");
  return ctx.db.transaction(async (tx) => {
    const experiment = await findExperiment(tx, input.experiment, { lock: true });
    assertConfigurationEditable(experiment, ["metricDefinitions"], "its metrics");
    const row = findMetric(experiment, await loadMetrics(tx, experiment.id), input.metricId);
    await tx.delete(metrics).where(eq(metrics.id, row.id));
    await touchExperiment(tx, experiment.id);
    await writeAudit(tx, ctx.actor, { action: "metric.delete", entityType: "metric", entityId: row.id, before: row });
    return row;
  });
}
