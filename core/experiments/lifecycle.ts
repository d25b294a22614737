/**
 * The experiment lifecycle: DRAFT → ACTIVE → PAUSED ↔ ACTIVE → COMPLETED → ARCHIVED, and a draft may be
 * archived without ever running. There is no way back to DRAFT: once users have been assigned, the key,
 * variants and results belong to that run.
 */
import type { ExperimentStatus } from "./enums";
import { type GuardedExperiment, type StartGuardFailure, checkStartGuards } from "./start-guards";

export const STATUS_TRANSITIONS: Readonly<Record<ExperimentStatus, readonly ExperimentStatus[]>> = {
  DRAFT: ["ACTIVE", "ARCHIVED"],
  ACTIVE: ["PAUSED", "COMPLETED"],
  PAUSED: ["ACTIVE", "COMPLETED"],
  COMPLETED: ["ARCHIVED"],
  ARCHIVED: [],
};

export function canTransition(from: ExperimentStatus, to: ExperimentStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/**
 * Whether the key (the SDKs' name and the hash seed) may still change. Only a draft has certainly never
 * run: an archived experiment may have been completed first, and nothing stored tells the two apart, so
 * archived keys are frozen too.
 */
export function isKeyMutable(status: ExperimentStatus): boolean {
  return status === "DRAFT";
}

export interface LifecycleExperiment extends GuardedExperiment {
  readonly status: ExperimentStatus;
  readonly startDate: Date | null;
}

export type StatusChangePlan =
  /** Already in that status: nothing to write. */
  | { readonly kind: "unchanged" }
  /** Not an edge of the lifecycle. */
  | { readonly kind: "illegal"; readonly message: string }
  /** A start or resume whose guards fail. */
  | { readonly kind: "blocked"; readonly failures: readonly StartGuardFailure[] }
  /** A start requested before the draft's future start date: it stays a draft and the scheduler starts it. */
  | { readonly kind: "scheduled"; readonly startDate: Date }
  | {
      readonly kind: "change";
      readonly status: ExperimentStatus;
      readonly startDate: Date | null;
      readonly endDate: Date | null;
    };

/**
 * The decision for moving `experiment` to `to` at `now`. Starting checks the guards and sets the start
 * date to now, unless a start in the future is scheduled (then the experiment waits for it); resuming
 * checks the guards again (variants and metrics may have been edited while paused); completing sets the
 * end date to now.
 */
export function planStatusChange(experiment: LifecycleExperiment, to: ExperimentStatus, now: Date): StatusChangePlan {
  const from = experiment.status;
  if (from === to) return { kind: "unchanged" };
  if (!canTransition(from, to)) {
    const allowed = STATUS_TRANSITIONS[from];
    const next = allowed.length === 0 ? `${from} is final` : `from ${from} it can go to ${allowed.join(" or ")}`;
    return { kind: "illegal", message: `An experiment cannot go from ${from} to ${to}; ${next}.` };
  }

  const unchangedDates = { startDate: experiment.startDate, endDate: experiment.endDate };
  if (to === "ACTIVE") {
    const failures = checkStartGuards(experiment, now);
    if (failures.length > 0) return { kind: "blocked", failures };
    if (from === "PAUSED") return { kind: "change", status: to, ...unchangedDates };
    const scheduled = experiment.startDate;
    if (scheduled !== null && scheduled.getTime() > now.getTime()) return { kind: "scheduled", startDate: scheduled };
    return { kind: "change", status: to, startDate: now, endDate: experiment.endDate };
  }
  if (to === "COMPLETED") {
    // Never before the start, which the database's date-order check would refuse.
    const start = experiment.startDate;
    const endDate = start !== null && start.getTime() > now.getTime() ? start : now;
    return { kind: "change", status: to, startDate: experiment.startDate, endDate };
  }
  return { kind: "change", status: to, ...unchangedDates };
}

/**
 * Once an experiment has completed (or was archived), its configuration is the record of what ran: the
 * results are read against exactly these variants, allocations, metrics and targeting. Only the notes a
 * team keeps about it stay editable: its description (say what was learned) and its tags (find it later).
 */
export const FROZEN_EDITABLE_FIELDS = ["description", "tags"] as const;

export function isConfigurationFrozen(status: ExperimentStatus): boolean {
  return status === "COMPLETED" || status === "ARCHIVED";
}
