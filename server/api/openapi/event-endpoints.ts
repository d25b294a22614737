/** The event ingestion endpoint's doc (DESIGN §7); its schemas are the ones the handler checks with. */
import { eventsRequestSchema, eventsResponseSchema, MAX_EVENTS_PER_REQUEST } from "../../services/events/event.schema";
import { type EndpointDoc, named } from "./endpoint-doc";

export const trackEventsDoc: EndpointDoc = {
  operationId: "trackEvents",
  method: "POST",
  path: "/api/v1/events",
  summary: "Send events",
  description: [
    `Up to ${MAX_EVENTS_PER_REQUEST} events per request. Each event is checked on its own: a bad one is listed in \`rejected\` with its index and the reason, and the others are stored.`,
    "`experiment` and `featureFlag` are keys, `variant` a variant's name; unknown ones are rejected by name.",
    "A 202 means the accepted events are stored durably. Give events an `id` to make a retry safe: an id this key sent before is counted in `duplicates`, not stored twice (also across app instances).",
    "Under overload the answer is 503 with `Retry-After`, and nothing of the request is stored.",
  ].join(" "),
  tags: ["SDK"],
  security: ["clientKey", "serverKey", "adminKey"],
  body: named("EventsRequest", eventsRequestSchema),
  responses: { 202: { description: "Stored, apart from the rejected events.", body: named("EventsResponse", eventsResponseSchema) } },
  errors: [400, 401, 403, 413, 422, 503],
};

export const eventEndpointDocs: readonly EndpointDoc[] = [trackEventsDoc];
