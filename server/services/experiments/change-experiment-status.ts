import { eq } from "drizzle-orm";
import type { ExperimentStatus } from "@/core/experiments/enums";
import { planStatusChange } from "@/core/experiments/lifecycle";
import type { StartGuardFailure } from "@/core/experiments/start-guards";
import type { Actor } from "@/core/permissions/permissions";
import type { Executor } from "@/db/client";
import { experiments } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { Conflict, Invalid } from "../../errors";
import { validate } from "../validate";
import { type ExperimentRef, changeExperimentStatusSchema } from "./experiment.schema";
import { fieldErrorsOf } from "./experiment-writes";
import { type ExperimentDetail, type ExperimentRow, findExperiment, loadExperimentDetail } from "./load-experiment";

/** A start or resume refused by its guards; `failures` lists each, for a checklist in the UI. */
export class StartGuardsFailed extends Invalid {
  constructor(
    message: string,
    readonly failures: readonly StartGuardFailure[],
  ) {
    super(message, fieldErrorsOf(failures));
  }
}

export interface ChangeExperimentStatusRequest {
  experiment: ExperimentRef;
  status: ExperimentStatus;
}

export interface StatusChangeResult {
  experiment: ExperimentDetail;
  /**
   * `scheduled`: a start asked for before the draft's future start date; it passed its guards, stays a
   * draft, and the scheduler starts it then. `unchanged`: it already had that status.
   */
  outcome: "changed" | "unchanged" | "scheduled";
}

/**
 * Moves an experiment along its lifecycle (`core/experiments/lifecycle`): an illegal move is a Conflict,
 * a start or resume whose guards fail is `StartGuardsFailed` naming each failed guard.
 */
export async function changeExperimentStatus(ctx: ServiceContext, input: ChangeExperimentStatusRequest): Promise<StatusChangeResult> {
  authorize(ctx, "experiment", "update");
  const { status } = validate(changeExperimentStatusSchema, { status: input.status });
  return ctx.db.transaction(async (tx) => {
    const experiment = await findExperiment(tx, input.experiment, { lock: true });
    return applyStatusChange(tx, ctx.actor, experiment, status, new Date());
  });
}

/** The change itself, for callers holding the experiment's row lock (this service and the scheduler). */
export async function applyStatusChange(
  tx: Executor,
  actor: Actor,
  experiment: ExperimentRow,
  to: ExperimentStatus,
  now: Date,
): Promise<StatusChangeResult> {
  const before = await loadExperimentDetail(tx, experiment);
  const plan = planStatusChange({ ...before, metrics: before.metricDefinitions }, to, now);
  switch (plan.kind) {
    case "unchanged":
      return { experiment: before, outcome: "unchanged" };
    case "scheduled":
      return { experiment: before, outcome: "scheduled" };
    case "illegal":
      throw new Conflict(plan.message, { status: [plan.message] });
    case "blocked": {
      const verb = experiment.status === "PAUSED" ? "resume" : "start";
      const reasons = plan.failures.map((failure) => failure.message).join(" ");
      throw new StartGuardsFailed(`Experiment "${experiment.key}" cannot ${verb}: ${reasons}`, plan.failures);
    }
    case "change": {
      const [row] = await tx
        .update(experiments)
        .set({ status: plan.status, startDate: plan.startDate, endDate: plan.endDate })
        .where(eq(experiments.id, experiment.id))
        .returning();
      if (!row) throw new Error("update of experiments returned no row");
      await writeAudit(tx, actor, {
        action: "experiment.status",
        entityType: "experiment",
        entityId: row.id,
        before: { status: experiment.status, startDate: experiment.startDate, endDate: experiment.endDate },
        after: { status: row.status, startDate: row.startDate, endDate: row.endDate },
      });
      return { experiment: { ...before, ...row }, outcome: "changed" };
    }
  }
}
