import { conditionToBuilder } from "@/core/conditions/builder/condition-to-builder";
import { summarizeBuilder } from "@/core/conditions/builder/summarize-builder";
import type { Condition } from "@/core/conditions/condition";

/**
 * Targeting in words for the summary and the start confirmation ("country is one of US, CA"), the rule
 * builder's own reading; a condition the builder cannot show is given as its JSON. Null: no targeting.
 * `stored` is the stored value when it is not a valid condition (shown as JSON, never hidden).
 */
export function targetingSummary(condition: Condition | null, stored?: unknown): string | null {
  if (condition === null) return stored === undefined || stored === null ? null : JSON.stringify(stored);
  if (Object.keys(condition).length === 0) return null;
  const tree = conditionToBuilder(condition);
  return tree.ok ? summarizeBuilder(tree.group) : JSON.stringify(condition);
}
