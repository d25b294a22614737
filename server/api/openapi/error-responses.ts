/** The API's one error shape (DESIGN §7, `server/api/error-response.ts`), as documented responses. */
import { z } from "zod";
import type { ErrorStatus } from "./endpoint-doc";

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().describe("Stable and machine-readable: `invalid`, `not_found`, `conflict`, `forbidden`, `unauthenticated`, …"),
    message: z.string().describe("For people: says what was wrong and, where it can, how to fix it."),
    details: z
      .record(z.string(), z.unknown())
      .optional()
      .describe(
        "`fields`: messages by field path (`variants.1.trafficAllocation`) for 409 and 422. A refused start or resume adds `guards`: `[{guard, field, message}]`, one per failed start guard.",
      ),
  }),
});

export const ERROR_SCHEMA_NAME = "Error";

interface ErrorResponseDoc {
  /** Its name under `components.responses`. */
  name: string;
  description: string;
}

export const errorResponses: Record<ErrorStatus, ErrorResponseDoc> = {
  400: { name: "BadRequest", description: "The body is not valid JSON." },
  401: { name: "Unauthenticated", description: "No credentials, or an unknown, revoked or expired API key." },
  403: { name: "Forbidden", description: "The key's type may not use this endpoint, or its role (or the user's) lacks the permission." },
  404: { name: "NotFound", description: "Nothing with that key or id." },
  409: { name: "Conflict", description: "The request clashes with the current state: a taken key, an illegal status transition, deleting what has run." },
  413: { name: "PayloadTooLarge", description: "The body is larger than 1 MiB." },
  415: { name: "UnsupportedMediaType", description: "A dashboard-session write whose body is not sent as `application/json`." },
  422: { name: "Invalid", description: "The input is well-formed JSON but breaks a rule; `details.fields` names each field that does." },
  429: { name: "TooManyRequests", description: "Too many requests; `Retry-After` says when to try again." },
  503: { name: "Unavailable", description: "The service cannot answer right now (e.g. the database is unreachable)." },
};
