/**
 * What the experiment page says about the lifecycle (core/experiments/lifecycle): the button for each move,
 * what a move will do (for its confirmation), and what happens next in each status.
 */
import type { ExperimentStatus } from "@/core/experiments/enums";
import { formatDateTime } from "@/components/ui/format-date";
import type { ButtonVariant } from "@/components/ui/button";

/** The button for each lifecycle move, in the order they are offered. */
export function moveButton(from: ExperimentStatus, to: ExperimentStatus): { label: string; variant: ButtonVariant } {
  switch (to) {
    case "ACTIVE":
      return { label: from === "PAUSED" ? "Resume" : "Start", variant: "primary" };
    case "PAUSED":
      return { label: "Pause", variant: "secondary" };
    case "COMPLETED":
      return { label: "Complete", variant: "secondary" };
    case "ARCHIVED":
      return { label: "Archive", variant: "secondary" };
    default:
      return { label: to, variant: "secondary" };
  }
}

export interface NextStepFacts {
  status: ExperimentStatus;
  startDate: Date | null;
  endDate: Date | null;
  now: Date;
}

/** One or two sentences: where the experiment stands and what the buttons will do from here. */
export function nextStepHint({ status, startDate, endDate, now }: NextStepFacts): string {
  const at = (date: Date) => formatDateTime(date);
  switch (status) {
    case "DRAFT": {
      const wait = startDate && startDate > now ? ` Started before then, it waits for its start date, ${at(startDate)}.` : "";
      return `Nobody is assigned yet. When the variants, a primary metric and the targeting are ready, press Start.${wait}`;
    }
    case "ACTIVE": {
      const end = endDate ? ` It is set to end at ${at(endDate)}.` : "";
      return `Running${startDate ? ` since ${at(startDate)}` : ""}: matching users are assigned as they arrive.${end} Pause stops enrolling; Complete ends it and freezes the results.`;
    }
    case "PAUSED":
      return "Paused: nobody new is enrolled, and assigned users get the default experience. Resume to continue, or Complete to end it.";
    case "COMPLETED":
      return `Completed${endDate ? ` at ${at(endDate)}` : ""}: assignments have stopped and the results are frozen. Its configuration is kept as it ran; the description and tags can still be edited. Archive it when it no longer needs to be in view.`;
    case "ARCHIVED":
      return "Archived: kept for the record and read-only, apart from its description and tags. Duplicate it to run it again.";
  }
}

/** The banner after a move went through (a start that only got scheduled says so itself). */
export const MOVE_DONE: Readonly<Record<ExperimentStatus, string>> = {
  DRAFT: "Back to draft.",
  ACTIVE: "Running: matching users are assigned from now on.",
  PAUSED: "Paused: nobody new is enrolled until you resume.",
  COMPLETED: "Completed: assignments have stopped and the results are frozen.",
  ARCHIVED: "Archived.",
};
