import { errorResponse } from "./error-response";
import type { ApiResponse } from "./types";

/** Largest request body we read: 1000 events of about a kilobyte each (DESIGN §7). */
export const MAX_BODY_BYTES = 1_048_576;

export const bodyTooLarge = (): ApiResponse =>
  errorResponse(413, "payload_too_large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`);

/** Parses a request body as JSON; an empty body is `undefined`. */
export function parseJsonBody(text: string): { ok: true; value: unknown } | { ok: false; response: ApiResponse } {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, response: errorResponse(400, "invalid_json", `The request body is not valid JSON: ${(error as Error).message}`) };
  }
}
