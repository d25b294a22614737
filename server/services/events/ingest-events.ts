import type { ServiceContext } from "../../context";
import { authorize } from "../../authorize";
import { isAppError, Unavailable } from "../../errors";
import { errorForLog } from "../../log-error";
import { checkEvents, type EventDefinitions } from "./check-events";
import type { EventsResponse } from "./event.schema";
import { type EventWriter, eventWriter } from "./insert-events";

export interface IngestEventsInput {
  events: readonly unknown[];
  /** The API key's id: scopes the events' own ids. */
  source: string;
  definitions: EventDefinitions;
  /** The time of receipt: the default `timestamp`, and what the time window is measured from. */
  now: Date;
  maxAgeDays: number;
}

/**
 * Checks and stores a request's events (DESIGN §7): the valid ones are stored together with other
 * requests' (one statement, one commit), and this answers only once they are committed. Events are
 * data, not configuration, so no audit row: the table itself records who sent each one (`source`).
 */
export async function ingestEvents(ctx: ServiceContext, input: IngestEventsInput, writer: EventWriter = eventWriter(ctx.db)): Promise<EventsResponse> {
  authorize(ctx, "event", "create");
  const { rows, rejected } = checkEvents(input.events, input.definitions, { source: input.source, now: input.now, maxAgeDays: input.maxAgeDays });
  let duplicates = 0;
  if (rows.length > 0) {
    try {
      duplicates = await writer.submit(rows);
    } catch (error) {
      // A full queue says so itself; a failed statement stored nothing of its batch, so a retry is safe.
      if (isAppError(error)) throw error;
      console.error(JSON.stringify({ level: "error", msg: "storing events failed", error: errorForLog(error) }));
      throw new Unavailable("The events could not be stored, none of them; retry in a moment.", 1);
    }
  }
  return { accepted: rows.length - duplicates, duplicates, rejected };
}
