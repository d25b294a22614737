import { databaseHandle } from "@/db/app-database";
import type { Executor } from "@/db/client";
import { activeExperimentDefinitions } from "../../cache/experiment-definitions";
import { type FlagDefinitionsCache, flagDefinitionsCache } from "../../cache/flag-definitions";
import { authorize } from "../../authorize";
import { Invalid } from "../../errors";
import { eventsMaxAgeDays } from "../../services/events/check-events";
import { MAX_EVENTS_PER_REQUEST } from "../../services/events/event.schema";
import { ingestEvents } from "../../services/events/ingest-events";
import type { EventWriter } from "../../services/events/insert-events";
import { withCors } from "../cors";
import { errorResponse } from "../error-response";
import type { ApiHandler } from "../types";
import { type DatabaseSource, withApiKey } from "../with-api-key";

export interface EventsHandlerDeps {
  database?: DatabaseSource;
  flags?: () => FlagDefinitionsCache;
  /** The batcher that stores the rows; the process's own one per database when left out. */
  writer?: (db: Executor) => EventWriter;
  now?: () => Date;
  /** The horizon for `timestamp`; EVENTS_MAX_AGE_DAYS when left out. */
  maxAgeDays?: number;
}

/** The request's `events` list; a body without one is refused as a whole (422). */
function eventList(body: unknown): unknown[] {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new Invalid('The body must be a JSON object with an "events" list.', { _form: ['The body must be a JSON object with an "events" list.'] });
  }
  const { events } = body as { events?: unknown };
  if (events === undefined) throw new Invalid("events is required: a list of events.", { events: ["events is required: a list of events."] });
  if (!Array.isArray(events)) throw new Invalid("events must be a list of events.", { events: ["events must be a list of events."] });
  return events;
}

/**
 * `POST /api/v1/events` (client and server keys; DESIGN §7): each event checked on its own against the
 * in-memory definitions, the valid ones stored together with concurrent requests' and answered 202
 * once committed. Browser SDKs call it directly, hence CORS.
 */
export function eventsHandler(deps: EventsHandlerDeps = {}): ApiHandler {
  const maxAgeDays = deps.maxAgeDays ?? eventsMaxAgeDays(process.env.EVENTS_MAX_AGE_DAYS);
  const flags = deps.flags ?? flagDefinitionsCache;
  return withCors(
    withApiKey(
      ["client", "server", "admin"],
      async (ctx, request) => {
        const now = deps.now?.() ?? new Date();
        // The right to send events before anything about the body: a key without it learns nothing more.
        authorize(ctx, "event", "create");
        const events = eventList(request.body);
        if (events.length > MAX_EVENTS_PER_REQUEST) {
          return errorResponse(413, "payload_too_large", `Send at most ${MAX_EVENTS_PER_REQUEST} events per request (this one has ${events.length}).`);
        }
        const [experiments, flagDefinitions] = await Promise.all([activeExperimentDefinitions(ctx.handle), flags().definitions(ctx.handle)]);
        const definitions = { experiments, featureFlagIds: (key: string) => flagDefinitions.flags.get(key)?.id };
        const answer = await ingestEvents(ctx, { events, source: ctx.key.id, definitions, now, maxAgeDays }, deps.writer?.(ctx.db));
        return { status: 202, body: answer };
      },
      deps.database ?? databaseHandle,
    ),
  );
}
