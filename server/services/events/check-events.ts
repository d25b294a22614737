import { randomUUID } from "node:crypto";
import type { ExperimentDefinition } from "../assignments/experiment-definition";
import { type EventInput, eventSchema, MAX_METADATA_BYTES } from "./event.schema";
import type { NewEvent } from "./insert-events";

/** Default horizon for `timestamp`: events older than this many days are refused (EVENTS_MAX_AGE_DAYS). */
export const DEFAULT_EVENTS_MAX_AGE_DAYS = 30;
const DAY_MS = 86_400_000;
/** Metadata deeper than this is refused: PostgreSQL's JSON parser recurses per level. */
const MAX_METADATA_DEPTH = 32;

/** `EVENTS_MAX_AGE_DAYS`: a positive number of days; anything else stops the server with this message. */
export function eventsMaxAgeDays(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_EVENTS_MAX_AGE_DAYS;
  const days = Number(value);
  if (!Number.isFinite(days) || days <= 0) throw new Error(`EVENTS_MAX_AGE_DAYS must be a positive number of days (got "${value}").`);
  return days;
}

/** What events are resolved against: the in-memory definitions (DESIGN §8), never the database. */
export interface EventDefinitions {
  /** Running experiments by key. */
  experiments: ReadonlyMap<string, Pick<ExperimentDefinition, "id" | "variants">>;
  /** Feature flags by key. */
  featureFlagIds: (key: string) => string | undefined;
}

export interface EventCheck {
  rows: NewEvent[];
  rejected: { index: number; error: string }[];
}

/** Text PostgreSQL cannot store (a NUL) or UTF-16 that is not Unicode (a lone surrogate, which jsonb refuses). */
const unstorable = (text: string) => text.includes("\u0000") || !text.isWellFormed();

/** Why `value` (metadata, or a part of it at `depth`) cannot be stored as jsonb; null when it can. */
function metadataProblem(value: unknown, depth: number): string | null {
  if (depth > MAX_METADATA_DEPTH) return `metadata nests deeper than ${MAX_METADATA_DEPTH} levels.`;
  if (typeof value === "string") return unstorable(value) ? "metadata holds text with a NUL character or an unpaired surrogate." : null;
  if (value === null || typeof value !== "object") return null;
  const entries = Array.isArray(value) ? value.map((item) => ["", item] as const) : Object.entries(value);
  for (const [key, item] of entries) {
    if (unstorable(key)) return "metadata holds a key with a NUL character or an unpaired surrogate.";
    const problem = metadataProblem(item, depth + 1);
    if (problem) return problem;
  }
  return null;
}

type Resolved = Pick<NewEvent, "experimentId" | "featureFlagId" | "variantId">;

function resolve(event: EventInput, definitions: EventDefinitions): Resolved | string {
  let experimentId: string | null = null;
  let variantId: string | null = null;
  let featureFlagId: string | null = null;
  if (event.experiment !== undefined) {
    const experiment = definitions.experiments.get(event.experiment);
    if (!experiment) return `experiment: no running experiment has the key "${event.experiment}".`;
    experimentId = experiment.id;
    if (event.variant !== undefined) {
      const variant = experiment.variants.find((v) => v.name === event.variant);
      if (!variant) return `variant: experiment "${event.experiment}" has no variant "${event.variant}".`;
      variantId = variant.id;
    }
  } else if (event.variant !== undefined) {
    return `variant: "${event.variant}" needs its experiment: send "experiment" too.`;
  }
  if (event.featureFlag !== undefined) {
    featureFlagId = definitions.featureFlagIds(event.featureFlag) ?? null;
    if (featureFlagId === null) return `featureFlag: no feature flag has the key "${event.featureFlag}".`;
  }
  return { experimentId, featureFlagId, variantId };
}

/** When the event happened, as ISO-8601, or why it is refused. */
function occurredAt(timestamp: string | undefined, now: Date, nowIso: string, maxAgeDays: number): { at: string } | string {
  if (timestamp === undefined) return { at: nowIso };
  const at = new Date(timestamp);
  if (at.getTime() > now.getTime() + DAY_MS) return `timestamp: ${timestamp} is more than a day in the future.`;
  if (at.getTime() < now.getTime() - maxAgeDays * DAY_MS) {
    return `timestamp: ${timestamp} is older than ${maxAgeDays} days, the oldest events this server takes (EVENTS_MAX_AGE_DAYS).`;
  }
  return { at: at.toISOString() };
}

/** One event: a row to store, or why not. */
function checkEvent(raw: unknown, definitions: EventDefinitions, context: { source: string; now: Date; nowIso: string; maxAgeDays: number }): NewEvent | string {
  const parsed = eventSchema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? "The event is invalid.";
  const event = parsed.data;
  for (const field of ["eventType", "userId", "id"] as const) {
    const text = event[field];
    if (text !== undefined && unstorable(text)) return `${field} must not hold a NUL character or an unpaired surrogate.`;
  }
  let metadata: string | null = null;
  if (event.metadata !== undefined) {
    const problem = metadataProblem(event.metadata, 1);
    if (problem) return problem;
    metadata = JSON.stringify(event.metadata);
    if (Buffer.byteLength(metadata) > MAX_METADATA_BYTES) return `metadata is larger than ${MAX_METADATA_BYTES} bytes as JSON.`;
  }
  const resolved = resolve(event, definitions);
  if (typeof resolved === "string") return resolved;
  const time = occurredAt(event.timestamp, context.now, context.nowIso, context.maxAgeDays);
  if (typeof time === "string") return time;
  return {
    id: randomUUID(),
    eventType: event.eventType,
    userId: event.userId,
    ...resolved,
    value: event.value ?? null,
    metadata,
    source: context.source,
    clientEventId: event.id ?? null,
    occurredAt: time.at,
  };
}

/**
 * Checks each event on its own (DESIGN §7): the valid ones become rows, the others are listed by index
 * with the reason, so one bad event never costs the others. `now` is the time of receipt.
 */
export function checkEvents(raw: readonly unknown[], definitions: EventDefinitions, context: { source: string; now: Date; maxAgeDays: number }): EventCheck {
  const result: EventCheck = { rows: [], rejected: [] };
  const withIso = { ...context, nowIso: context.now.toISOString() };
  raw.forEach((event, index) => {
    const checked = checkEvent(event, definitions, withIso);
    if (typeof checked === "string") result.rejected.push({ index, error: checked });
    else result.rows.push(checked);
  });
  return result;
}
