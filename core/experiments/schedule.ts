/**
 * Scheduled transitions: a draft whose start date has come is started (if its guards pass), and a running
 * or paused experiment whose end date has come is completed. The scheduler selects candidates in SQL and
 * asks this again after locking each row, so a row changed in between is left alone.
 */
import type { ExperimentStatus } from "./enums";

export interface ScheduledExperiment {
  readonly status: ExperimentStatus;
  readonly startDate: Date | null;
  readonly endDate: Date | null;
}

export function dueTransition(experiment: ScheduledExperiment, now: Date): "ACTIVE" | "COMPLETED" | null {
  const { status, startDate, endDate } = experiment;
  if (status === "DRAFT" && startDate !== null && startDate.getTime() <= now.getTime()) return "ACTIVE";
  if ((status === "ACTIVE" || status === "PAUSED") && endDate !== null && endDate.getTime() <= now.getTime()) {
    return "COMPLETED";
  }
  return null;
}
