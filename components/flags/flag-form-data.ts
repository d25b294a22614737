/**
 * Reads the flag forms' FormData into the shapes the flag schemas validate, in the browser (to check a
 * form before sending it) and in the server actions (to build the service input), with the schema's own
 * field paths (`variants.1.weight`, `targetingRules.0.serve`) as the form's field names.
 *
 * A typed value that does not read as its type (a number that is not one, JSON that does not parse) is a
 * problem reported at its field, since the schema would only see "not a JSON value". Browser-safe.
 */
import type { z } from "zod";
import { UnparsedJson } from "@/core/json/json-syntax-error";
import type { FieldErrors } from "@/server/errors";
import { parseJsonText, parseTags, rowIndexes } from "@/components/experiments/experiment-form-data";
import { fieldErrorsOf } from "@/components/experiments/field-errors";

export type RawInput = Record<string, unknown>;

/** The types a variant value can have (OpenFeature's flag value types). */
export const VALUE_TYPES = ["boolean", "string", "number", "json"] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export const VALUE_TYPE_LABELS: Record<ValueType, string> = { boolean: "Boolean", string: "String", number: "Number", json: "JSON" };

/** The type a stored value is edited as. */
export function valueTypeOf(value: unknown): ValueType {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return "number";
  if (typeof value === "string") return "string";
  return "json";
}

/** A stored value as the editor shows it for its type: strings bare, the rest as JSON. */
export function valueText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** How a value reads in tables and selects: strings quoted, so `"true"` and `true` differ. */
export function displayValue(value: unknown): string {
  return JSON.stringify(value);
}

export interface ReadForm {
  input: RawInput;
  /** Values that do not read as their type, by field path. */
  problems: FieldErrors;
}

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

/** `text` typed as `type`, or a message saying why it is not one. */
export function typedValue(type: string, raw: string): { value: unknown } | { problem: string } {
  switch (type) {
    case "boolean":
      return raw === "true" || raw === "false" ? { value: raw === "true" } : { problem: "Choose true or false." };
    case "string":
      return raw === "" ? { problem: "Enter a text value." } : { value: raw };
    case "number": {
      const n = raw.trim() === "" ? Number.NaN : Number(raw);
      return Number.isFinite(n) ? { value: n } : { problem: "Enter a number, such as 3 or 0.5." };
    }
    default: {
      if (raw.trim() === "") return { problem: 'Enter a JSON object, such as {"color": "blue"}.' };
      const parsed = parseJsonText(raw);
      return parsed instanceof UnparsedJson ? { problem: parsed.message } : { value: parsed };
    }
  }
}

/** "" means none (null); anything else a number for the schema to judge (junk becomes NaN). */
function optionalNumber(raw: string | undefined): number | null | undefined {
  if (raw === undefined) return undefined;
  return raw.trim() === "" ? null : Number(raw);
}

function requiredNumber(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  return raw.trim() === "" ? Number.NaN : Number(raw);
}

/**
 * The flag's own fields that are on the form; absent ones stay absent (a partial edit leaves them).
 * `flagType` ("boolean" or "multivariate") decides whether the `variants.N.*` rows are read.
 */
export function readFlagForm(form: FormData): ReadForm {
  const input: RawInput = {};
  const problems: FieldErrors = {};
  const set = (name: string, value: unknown) => {
    if (value !== undefined) input[name] = value;
  };
  set("key", text(form, "key"));
  set("name", text(form, "name"));
  set("description", text(form, "description"));
  set("status", text(form, "status"));
  const owner = text(form, "ownerId");
  set("ownerId", owner === undefined ? undefined : owner === "" ? null : owner);
  const tags = text(form, "tags");
  set("tags", tags === undefined ? undefined : parseTags(tags));
  set("rolloutPercentage", requiredNumber(text(form, "rolloutPercentage")));
  const flagType = text(form, "flagType");
  if (flagType === "boolean") input.variants = null;
  if (flagType === "multivariate") {
    input.variants = rowIndexes(form, "variants").map((index) => {
      const path = `variants.${index}`;
      const typed = typedValue(text(form, `${path}.type`) ?? "json", text(form, `${path}.value`) ?? "");
      if ("problem" in typed) (problems[`${path}.value`] ??= []).push(typed.problem);
      return {
        key: text(form, `${path}.key`) ?? "",
        // A placeholder the schema accepts, so that the row's other fields are still checked.
        value: "value" in typed ? typed.value : "",
        weight: requiredNumber(text(form, `${path}.weight`)),
      };
    });
  }
  if (form.has("rules.present")) input.targetingRules = rulesFromForm(form);
  return { input, problems };
}

/** The ordered rules, `targetingRules.N.*`, N being the position on the page. */
function rulesFromForm(form: FormData): RawInput[] {
  return rowIndexes(form, "targetingRules").map((index) => {
    const path = `targetingRules.${index}`;
    const condition = text(form, `${path}.condition`) ?? "";
    const rule: RawInput = {
      condition: condition.trim() === "" ? null : parseJsonText(condition),
      serve: text(form, `${path}.serve`) ?? "on",
      rolloutPercentage: optionalNumber(text(form, `${path}.rolloutPercentage`)) ?? null,
      description: text(form, `${path}.description`) ?? "",
    };
    const id = text(form, `${path}.id`);
    if (id) rule.id = id;
    return rule;
  });
}

/** An override form (one user, or many pasted): the value is JSON text of one of the allowed values. */
export function readOverrideForm(form: FormData): ReadForm {
  const input: RawInput = {};
  const problems: FieldErrors = {};
  const userId = text(form, "userId");
  if (userId !== undefined) input.userId = userId;
  const userIds = text(form, "userIds");
  if (userIds !== undefined) input.userIds = userIds;
  const value = text(form, "value") ?? "";
  if (value === "") problems.value = ["Choose a value."];
  else {
    const parsed = parseJsonText(value);
    if (parsed instanceof UnparsedJson) problems.value = [parsed.message];
    else input.value = parsed;
  }
  input.reason = text(form, "reason") ?? "";
  const expiresAt = text(form, "expiresAt") ?? "";
  input.expiresAt = expiresAt === "" ? null : expiresAt;
  return { input, problems };
}

/**
 * A browser check for a flag form: values that do not read as their type, then the schema (the same one
 * the service runs), then `extra` cross-field problems the schema leaves to the service. Null: send it.
 */
export function checkFlagForm(read: (form: FormData) => ReadForm, schema: z.ZodType, extra?: (input: RawInput) => FieldErrors) {
  return (form: FormData): FieldErrors | null => {
    const { input, problems } = read(form);
    const result = schema.safeParse(input);
    const errors: FieldErrors = { ...problems };
    const add = (more: FieldErrors) => {
      for (const [key, messages] of Object.entries(more)) if (!errors[key]) errors[key] = messages;
    };
    if (!result.success) add(fieldErrorsOf(result.error));
    else if (extra) add(extra(input));
    return Object.keys(errors).length > 0 ? errors : null;
  };
}

/** Definition problems (weights, duplicate keys, rule targets) keyed as field errors. */
export function problemsAsFieldErrors(problems: readonly { field: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) (errors[problem.field] ??= []).push(problem.message);
  return errors;
}
