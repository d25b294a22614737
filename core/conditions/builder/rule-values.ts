/**
 * Between a rule's typed text and JSON values: numbers and booleans parsed by the rule's value type, and the
 * text operators (contains, starts with, ends with) written as escaped `$regex` patterns.
 *
 * Why `$regex` for "contains": GrowthBook has no substring operator, and `$regex` on an escaped text is
 * exactly a substring test of the attribute's string form (what every SDK evaluates the same way). For list
 * attributes the builder offers "is one of" (`$in` intersects arrays) and "includes all of" (`$all`) instead.
 */

import type { ValueType } from "./builder-model";

export type JsonScalar = string | number | boolean;

/** The characters with a meaning in a JavaScript regular expression outside a character class. */
const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|]/g;
const REGEX_SPECIAL_CHARS = new Set("\\^$.*+?()[]{}|");

export function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIAL, "\\$&");
}

/**
 * The text a pattern matches literally, or null when it uses any regex feature. Only escapes that
 * `escapeRegex` writes are accepted, so `literalText(escapeRegex(t)) === t` and a pattern read as text
 * is written back unchanged.
 */
export function literalText(pattern: string): string | null {
  let text = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === "\\") {
      const next = pattern.charAt(i + 1);
      if (!REGEX_SPECIAL_CHARS.has(next)) return null;
      text += next;
      i++;
    } else if (REGEX_SPECIAL_CHARS.has(char)) {
      return null;
    } else {
      text += char;
    }
  }
  return text;
}

export type TextMatch = { kind: "contains" | "starts_with" | "ends_with"; text: string } | { kind: "regex" };

/** How a `$regex` pattern reads: a plain text, `^text`, `text$`, or a real regular expression. */
export function classifyPattern(pattern: string): TextMatch {
  const whole = literalText(pattern);
  if (whole !== null) return { kind: "contains", text: whole };
  if (pattern.startsWith("^")) {
    const rest = literalText(pattern.slice(1));
    if (rest !== null) return { kind: "starts_with", text: rest };
  }
  // `\$` at the end is an escaped dollar, not an anchor, and then the rest is not literal anyway.
  if (pattern.endsWith("$")) {
    const rest = literalText(pattern.slice(0, -1));
    if (rest !== null) return { kind: "ends_with", text: rest };
  }
  return { kind: "regex" };
}

/** Whole-text numbers only ("42", "-1.5", "1e3"); `Number("")` and `Number(" ")` are 0, which is not what was typed. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : null;
}

export function parseBoolean(text: string): boolean | null {
  const folded = text.trim().toLowerCase();
  if (folded === "true") return true;
  if (folded === "false") return false;
  return null;
}

/**
 * The JSON value of a typed text. Text that does not parse as the chosen type is written as the string it
 * is: the condition then stays valid JSON that never matches more users than meant, and `builderProblems`
 * reports the field so the editor can say what is wrong.
 */
export function toJsonScalar(valueType: ValueType, text: string): JsonScalar {
  if (valueType === "number") return parseNumber(text) ?? text;
  if (valueType === "boolean") return parseBoolean(text) ?? text;
  return text;
}

/** The value type and text of a JSON scalar read from a condition. */
export function fromJsonScalar(value: JsonScalar): { valueType: ValueType; text: string } {
  if (typeof value === "number") return { valueType: "number", text: String(value) };
  if (typeof value === "boolean") return { valueType: "boolean", text: String(value) };
  return { valueType: "string", text: value };
}
