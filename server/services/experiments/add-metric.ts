import { metrics } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { validate } from "../validate";
import { type ExperimentRef, type MetricInput, metricSchema } from "./experiment.schema";
import { metricValues, touchExperiment } from "./experiment-writes";
import { type MetricRow, findExperiment, loadMetrics } from "./load-experiment";
import { assertMetric } from "./metric-checks";
import { assertConfigurationEditable } from "./frozen-configuration";

export interface AddMetricRequest {
  experiment: ExperimentRef;
  metric: MetricInput;
}

/** Adds a metric definition; its name must be free within the experiment. */
export async function addMetric(ctx: ServiceContext, input: AddMetricRequest): Promise<MetricRow> {
  authorize(ctx, "experiment", "update");
  const data = validate(metricSchema, input.metric);
  return ctx.db.transaction(async (tx) => {
    const experiment = await findExperiment(tx, input.experiment, { lock: true });
    assertConfigurationEditable(experiment, ["metricDefinitions"], "its metrics");
    const values = metricValues(data);
    assertMetric(values, await loadMetrics(tx, experiment.id));
    const [row] = await tx
      .insert(metrics)
      .values({ ...values, experimentId: experiment.id })
      .returning();
    if (!row) throw new Error("insert into metrics returned no row");
    await touchExperiment(tx, experiment.id);
    await writeAudit(tx, ctx.actor, { action: "metric.create", entityType: "metric", entityId: row.id, after: row });
    return row;
  });
}
