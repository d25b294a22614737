import { errorResponse } from "./error-response";
import type { ApiResponse } from "./types";

/** Largest request body we read: 1000 events of about a kilobyte each (DESIGN §7). */
export const MAX_BODY_BYTES = 1_048_576;

export const bodyTooLarge = (): ApiResponse =>
  errorResponse(413, "payload_too_large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`);

/**
 * Where JSON.parse gave up, as a character offset: V8 says "at position N" for most errors and nothing
 * for a body that ends too soon (then the end is where it failed).
 */
function failurePosition(error: unknown, text: string): number {
  const match = error instanceof SyntaxError ? /position (\d+)/.exec(error.message) : null;
  return match ? Number(match[1]) : text.length;
}

/**
 * Parses a request body as JSON; an empty body is `undefined`. A failure says only "invalid JSON" and
 * where: the parser's own message quotes the body back, which the client has no need to see in logs or
 * answers, and its wording changes between Node versions.
 */
export function parseJsonBody(text: string): { ok: true; value: unknown } | { ok: false; response: ApiResponse } {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const position = failurePosition(error, text);
    const before = text.slice(0, position).split("\n");
    const line = before.length;
    const column = (before.at(-1)?.length ?? 0) + 1;
    return {
      ok: false,
      response: errorResponse(400, "invalid_json", `The request body is invalid JSON at position ${position} (line ${line}, column ${column}).`, { position, line, column }),
    };
  }
}
