/** What the override services share: the value and expiry checks, and the shape an override is answered in. */
import { overrideValueProblem } from "@/core/flags/flag-values";
import { overrideIsActive } from "@/core/flags/evaluate-flag";
import { Invalid } from "../../errors";
import type { OverrideListRow } from "./list-overrides";
import type { FlagRow, OverrideRow } from "./load-flag";

/** The value must fit the flag's type, and a new expiry must lie ahead (to end an override now, remove it). */
export function checkOverride(flag: FlagRow, value: unknown, expiresAt: Date | null | undefined, now: Date): void {
  const problem = overrideValueProblem(flag, value);
  if (problem) throw new Invalid(problem, { value: [problem] });
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    const message = "Choose an expiry in the future; to end an override now, remove it.";
    throw new Invalid(message, { expiresAt: [message] });
  }
}

export function overrideView(row: OverrideRow, now: Date): OverrideListRow {
  return {
    id: row.id,
    userId: row.userId,
    value: row.value,
    reason: row.reason,
    expiresAt: row.expiresAt,
    active: overrideIsActive(row, now),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
