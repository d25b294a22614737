import { z } from "zod";

/** DESIGN §7: at most this many events per request; more is answered 413. */
export const MAX_EVENTS_PER_REQUEST = 1_000;
/** An event's `metadata` as JSON, at most (1,000 of them still fit the 1 MiB body limit). */
export const MAX_METADATA_BYTES = 4_096;

const text = (field: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is required.` : `${field} must be a string.`) })
    .min(1, `${field} must not be empty.`)
    .max(max, `${field} has at most ${max} characters.`);

/**
 * One event of `POST /api/v1/events` (DESIGN §7), checked on its own: a bad event is rejected by its
 * index and the others are stored. What the shape cannot say (keys that exist, the time window, the
 * metadata's size) `checkEvents` checks after it.
 */
export const eventSchema = z
  .object({
    eventType: text("eventType", 200).describe("What happened, as metrics name it (`eventName` of a metric): `purchase`, `signup`."),
    userId: text("userId", 256).describe("The user it happened to: the same id the assignment was made for."),
    experiment: text("experiment", 200).optional().describe("A running experiment's key."),
    featureFlag: text("featureFlag", 200).optional().describe("A feature flag's key."),
    variant: text("variant", 200).optional().describe("The name of a variant of `experiment` (which it needs)."),
    value: z.number({ error: "value must be a finite number." }).optional().describe("A number: revenue, a duration, a count."),
    metadata: z
      .record(z.string(), z.unknown(), { error: "metadata must be a JSON object." })
      .optional()
      .describe(`Any JSON object, up to ${MAX_METADATA_BYTES} bytes; custom metrics read a number from it by path.`),
    timestamp: z.iso
      .datetime({ offset: true, error: "timestamp must be an ISO-8601 time with a zone, like 2026-01-31T12:00:00Z." })
      .optional()
      .describe("When it happened; the time of receipt when left out. Refused more than a day ahead, or older than the server's horizon (EVENTS_MAX_AGE_DAYS, default 30 days)."),
    id: text("id", 200).optional().describe("Your own id for the event: a retry with the same id (from the same API key) is counted once."),
  }, { error: "An event must be a JSON object." })
  .meta({ examples: [{ eventType: "purchase", userId: "user-42", experiment: "checkout-button", variant: "green", value: 39.9, metadata: { currency: "EUR" }, timestamp: "2026-01-31T12:00:00Z", id: "order-1001" }] });

export type EventInput = z.output<typeof eventSchema>;

/** The request as documented; the handler checks the list's length (413) and each event on its own. */
export const eventsRequestSchema = z
  .object({ events: z.array(eventSchema).max(MAX_EVENTS_PER_REQUEST).describe(`At most ${MAX_EVENTS_PER_REQUEST} events.`) })
  .meta({
    examples: [
      {
        events: [
          { eventType: "purchase", userId: "user-42", experiment: "checkout-button", variant: "green", value: 39.9, id: "order-1001" },
          { eventType: "page_view", userId: "user-42", featureFlag: "new-nav", metadata: { path: "/pricing" } },
        ],
      },
    ],
  });

export const eventsResponseSchema = z
  .object({
    accepted: z.number().int().describe("Events stored by this request."),
    duplicates: z.number().int().describe("Events whose `id` was stored before (a retry), or repeated within the request: not stored again."),
    rejected: z.array(z.object({ index: z.number().int().describe("Position in `events`, from 0."), error: z.string() })).describe("Events refused, with the reason; the others were stored."),
  })
  .meta({ examples: [{ accepted: 1, duplicates: 0, rejected: [{ index: 1, error: 'featureFlag: no feature flag has the key "new-nav".' }] }] });

export type EventsResponse = z.output<typeof eventsResponseSchema>;
