/**
 * The raw JSON mode's text: parsed and validated for the editor, with the error named by its path.
 * Empty text, `null` and `{}` all mean "everyone" and come back as null, the one way the experiment
 * stores "no targeting".
 */

import { type Condition, isPlainObject } from "../condition";
import { validateCondition } from "../validate-condition";

export type ConditionText = { ok: true; condition: Condition | null } | { ok: false; error: string };

export function parseConditionText(text: string): ConditionText {
  if (text.trim() === "") return { ok: true, condition: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (json === null) return { ok: true, condition: null };
  const validation = validateCondition(json);
  if (!validation.ok) {
    // validateCondition prefixes its message with the path; say where in words instead.
    const message = validation.path === "" ? validation.error : validation.error.slice(validation.path.length + 2);
    return { ok: false, error: validation.path === "" ? capitalize(message) : `At ${validation.path}: ${message}` };
  }
  // validateCondition has just checked that this is a condition object.
  const condition = json as Condition;
  return { ok: true, condition: isPlainObject(condition) && Object.keys(condition).length === 0 ? null : condition };
}

/** The text the JSON mode starts from: indented, or empty for everyone. */
export function formatConditionText(condition: Condition | null): string {
  return condition === null ? "" : JSON.stringify(condition, null, 2);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
