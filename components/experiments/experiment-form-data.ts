/**
 * Reads the experiment forms' FormData into the shapes the experiment schemas validate. Shared by the
 * browser (to check a form before sending it) and the server actions (to build the service input), so
 * both see the same values and the schema's field paths (`variants.1.trafficAllocation`) name the
 * form's own fields. Browser-safe: no server imports.
 *
 * Nothing here judges a value: a bad number becomes NaN and bad JSON stays text (UnparsedJson), and the
 * schema says what is wrong with it.
 */

import { UnparsedJson } from "@/core/json/json-syntax-error";

/** An unvalidated object for a schema to parse. */
export type RawInput = Record<string, unknown>;

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

/** Optional free text: absent stays absent, "" is kept (the schema stores it as null). */
function optionalText(form: FormData, name: string): string | undefined {
  return text(form, name);
}

/** A required number: "" or junk becomes NaN so the schema reports it. */
function number(form: FormData, name: string): number | undefined {
  const value = text(form, name);
  if (value === undefined) return undefined;
  return value.trim() === "" ? Number.NaN : Number(value);
}

/** An optional number: "" means none (null). */
function nullableNumber(form: FormData, name: string): number | null | undefined {
  const value = text(form, name);
  if (value === undefined) return undefined;
  return value.trim() === "" ? null : Number(value);
}

/** A checkbox: present means checked. A hidden `<name>.present` marks that the box was on the form at all. */
function checkbox(form: FormData, name: string): boolean | undefined {
  if (form.has(name)) return true;
  return form.has(`${name}.present`) ? false : undefined;
}

/** An optional choice: "" means none (null). */
function nullableChoice(form: FormData, name: string): string | null | undefined {
  const value = text(form, name);
  if (value === undefined) return undefined;
  return value === "" ? null : value;
}

/** JSON text: parsed when it parses, otherwise kept as UnparsedJson so the schema says where it is wrong. */
export function parseJsonText(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return new UnparsedJson(value);
  }
}

/** Comma-separated tags: "checkout, mobile" → ["checkout", "mobile"]. */
export function parseTags(value: string): string[] {
  return value
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
}

/** Indexes of rows `prefix.N.*` present in the form, in order. */
export function rowIndexes(form: FormData, prefix: string): number[] {
  const indexes = new Set<number>();
  const pattern = new RegExp(`^${prefix}\\.(\\d+)\\.`);
  for (const key of form.keys()) {
    const match = pattern.exec(key);
    if (match?.[1] !== undefined) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}

/** The experiment's own fields; fields missing from the form stay absent (a partial edit leaves them). */
export function experimentFieldsFromForm(form: FormData): RawInput {
  const fields: RawInput = {};
  const set = (name: string, value: unknown) => {
    if (value !== undefined) fields[name] = value;
  };
  set("name", text(form, "name"));
  set("key", text(form, "key"));
  set("description", optionalText(form, "description"));
  set("hypothesis", optionalText(form, "hypothesis"));
  set("experimentType", text(form, "experimentType"));
  set("ownerId", nullableChoice(form, "ownerId"));
  set("startDate", nullableChoice(form, "startDate"));
  set("endDate", nullableChoice(form, "endDate"));
  const tags = text(form, "tags");
  set("tags", tags === undefined ? undefined : parseTags(tags));
  const metrics = text(form, "metrics");
  set("metrics", metrics === undefined ? undefined : metrics.trim() === "" ? null : parseJsonText(metrics));
  const targeting = text(form, "targetingRules");
  set("targetingRules", targeting === undefined ? undefined : targeting.trim() === "" ? null : parseJsonText(targeting));
  return fields;
}

/**
 * One variant row. The control is a radio group (`control` = the row's index) so that exactly one row
 * is the control; a split-URL variant's URL has its own field and lands in `configuration.url`.
 */
export function variantFromForm(form: FormData, index: number): RawInput {
  const prefix = `variants.${index}`;
  const configurationText = text(form, `${prefix}.configuration`)?.trim() ?? "";
  let configuration = configurationText === "" ? {} : parseJsonText(configurationText);
  const url = text(form, `${prefix}.url`);
  const isObject = configuration !== null && typeof configuration === "object" && !Array.isArray(configuration) && !(configuration instanceof UnparsedJson);
  if (url !== undefined && isObject) {
    const { url: _previous, ...rest } = configuration as Record<string, unknown>;
    configuration = url.trim() === "" ? rest : { ...rest, url: url.trim() };
  }
  const variant: RawInput = {
    name: text(form, `${prefix}.name`) ?? "",
    isControl: text(form, "control") === String(index),
    trafficAllocation: number(form, `${prefix}.trafficAllocation`),
    configuration,
  };
  const id = text(form, `${prefix}.id`);
  if (id) variant.id = id;
  const description = optionalText(form, `${prefix}.description`);
  if (description !== undefined) variant.description = description;
  return variant;
}

export function variantsFromForm(form: FormData): RawInput[] {
  return rowIndexes(form, "variants").map((index) => variantFromForm(form, index));
}

/** One metric definition; `prefix` is "" for a single-metric form or "metricDefinitions.N." for a row. */
export function metricFromForm(form: FormData, prefix = ""): RawInput {
  const metric: RawInput = {};
  const set = (name: string, value: unknown) => {
    if (value !== undefined) metric[name] = value;
  };
  set("name", text(form, `${prefix}name`));
  set("description", optionalText(form, `${prefix}description`));
  set("eventName", text(form, `${prefix}eventName`));
  set("metricType", text(form, `${prefix}metricType`));
  set("isPrimary", checkbox(form, `${prefix}isPrimary`));
  set("aggregationMethod", nullableChoice(form, `${prefix}aggregationMethod`));
  set("minimumSampleSize", nullableNumber(form, `${prefix}minimumSampleSize`));
  set("expectedEffect", nullableNumber(form, `${prefix}expectedEffect`));
  set("eventValuePath", optionalText(form, `${prefix}eventValuePath`));
  set("lowerIsBetter", checkbox(form, `${prefix}lowerIsBetter`));
  return metric;
}

/** The whole create form: the experiment with its first variants and metrics. */
export function createExperimentFromForm(form: FormData): RawInput {
  return {
    ...experimentFieldsFromForm(form),
    variants: variantsFromForm(form),
    metricDefinitions: rowIndexes(form, "metricDefinitions").map((index) => metricFromForm(form, `metricDefinitions.${index}.`)),
  };
}

/** `datetime-local` text ("2030-01-31T09:00", the browser's time zone) → an ISO instant with offset. */
export function localDateTimeToIso(local: string): string {
  if (local.trim() === "") return "";
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** An instant → `datetime-local` text in the browser's time zone. */
export function isoToLocalDateTime(value: string | Date | null | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A key suggested from a name: "Checkout button – v2" → "checkout-button-v2". */
export function keyFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100)
    .replace(/-+$/, "");
}
