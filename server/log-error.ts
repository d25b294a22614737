/**
 * Errors as they go into logs. A failed database query's error (Drizzle's DrizzleQueryError) carries
 * its bound parameters in its message, and those are password hashes, emails and users' contexts:
 * the log keeps the SQL (which holds placeholders, never values) and drops the parameters. The causes
 * are followed, so the database's own reason (a violated constraint) stays visible.
 */
function hasParams(error: Error): error is Error & { query: unknown; params: unknown } {
  return "params" in error && "query" in error;
}

function ownMessage(error: Error): string {
  if (!hasParams(error)) return error.message;
  const count = Array.isArray(error.params) ? error.params.length : 0;
  return `Failed query: ${String(error.query)}\nparams: [${count} redacted]`;
}

/** The message alone, parameters redacted, with the causes' messages after it. */
export function redactedMessage(error: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  for (let e: unknown = error; e !== undefined && e !== null && !seen.has(e) && parts.length < 5; e = e instanceof Error ? e.cause : undefined) {
    seen.add(e);
    parts.push(e instanceof Error ? ownMessage(e) : String(e));
  }
  return parts.join("\ncaused by: ");
}

/** The stack frames of an error, without its message (which the stack begins with). */
function frames(error: Error): string {
  const stack = error.stack ?? "";
  const at = stack.indexOf(error.message);
  const rest = at >= 0 ? stack.slice(at + error.message.length) : "";
  return rest.split("\n").filter((line) => /^\s+at /.test(line)).join("\n");
}

/** For `console.error`: name, redacted message and causes, then the stack frames. */
export function errorForLog(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const stackFrames = frames(error);
  return `${error.name}: ${redactedMessage(error)}${stackFrames ? `\n${stackFrames}` : ""}`;
}
