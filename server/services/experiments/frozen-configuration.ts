import { FROZEN_EDITABLE_FIELDS, isConfigurationFrozen } from "@/core/experiments/lifecycle";
import type { ExperimentStatus } from "@/core/experiments/enums";
import { Conflict } from "../../errors";

const editable: ReadonlySet<string> = new Set(FROZEN_EDITABLE_FIELDS);

/** The user's words for the fields a change can name. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  name: "name",
  key: "key",
  hypothesis: "hypothesis",
  experimentType: "type",
  ownerId: "owner",
  startDate: "start date",
  endDate: "end date",
  targetingRules: "targeting",
  metrics: "metrics configuration",
  variants: "variants",
  metricDefinitions: "metrics",
};

function statusWord(status: ExperimentStatus): string {
  return status === "ARCHIVED" ? "archived" : "completed";
}

/**
 * Refuses (409) a change to the configuration of a completed or archived experiment (see
 * `isConfigurationFrozen`). `fields` are the names being changed; `what` says what the request would change,
 * for the message ("its variants"). The description and tags stay editable.
 */
export function assertConfigurationEditable(experiment: { status: ExperimentStatus }, fields: readonly string[], what?: string): void {
  if (!isConfigurationFrozen(experiment.status)) return;
  const frozen = fields.filter((field) => !editable.has(field));
  if (frozen.length === 0) return;
  const word = statusWord(experiment.status);
  const message =
    `This experiment is ${word}: its configuration is kept as it ran, so ${what ?? `its ${frozen.map((field) => FIELD_WORDS[field] ?? field).join(", ")}`} can no longer change. ` +
    "Only the description and tags can still be edited; duplicate the experiment to run a new version.";
  throw new Conflict(message, Object.fromEntries(frozen.map((field) => [field, [`This cannot change once the experiment is ${word}.`]])));
}
