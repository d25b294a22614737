/** Raw SQL helpers for the hot paths: rows of either driver, array parameters, statements kept prepared. */
import { sql } from "drizzle-orm";
import type { Executor } from "./client";

/** The postgres.js client under a Drizzle database; transactions and PGlite have none. */
interface PreparingClient {
  unsafe(text: string, params: unknown[], options: { prepare: boolean }): Promise<unknown[]>;
}

function preparingClient(db: Executor): PreparingClient | null {
  const client = (db as { $client?: unknown }).$client;
  return typeof client === "function" && "unsafe" in client && typeof client.unsafe === "function" ? (client as unknown as PreparingClient) : null;
}

/** postgres.js answers raw SQL with an array of rows, PGlite with `{rows}`. */
export function rowsOf<Row>(result: unknown): Row[] {
  if (Array.isArray(result)) return result as Row[];
  if (result && typeof result === "object" && "rows" in result && Array.isArray(result.rows)) return result.rows as Row[];
  throw new Error("unexpected raw query result");
}

const NEEDS_ESCAPE = /[\\"]/;
const ESCAPED = /[\\"]/g;

/** A PostgreSQL array literal (`{"a","b",NULL}`): one bind parameter for a whole column, whatever the driver. */
export function arrayLiteral(values: readonly (string | number | null)[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) out += ",";
    if (value === null || value === undefined) out += "NULL";
    else if (typeof value === "number") out += String(value);
    // Most texts hold neither quote nor backslash: testing is cheaper than replacing (the hot path).
    else out += NEEDS_ESCAPE.test(value) ? `"${value.replace(ESCAPED, "\\$&")}"` : `"${value}"`;
  }
  return `${out}}`;
}

/**
 * A tagged template for a hot statement whose text never changes: on PostgreSQL the driver keeps it
 * prepared on each connection (postgres.js `prepare: true`), so the server parses and plans it once per
 * connection rather than per call. Drizzle prepares only named query-builder queries, never `execute`.
 * Measured on a batch of 17 new assignments: 1.06 ms a statement unprepared, 0.77 prepared. Elsewhere
 * (a transaction, PGlite) it runs as an ordinary parameterized query.
 */
export function queryPrepared<Row>(db: Executor): (strings: TemplateStringsArray, ...params: unknown[]) => Promise<Row[]> {
  return async (strings, ...params) => {
    const client = preparingClient(db);
    if (!client) return rowsOf<Row>(await db.execute(sql(strings, ...params.map((param) => sql.param(param)))));
    const text = strings.reduce((joined, part, i) => `${joined}$${i}${part}`);
    return (await client.unsafe(text, params, { prepare: true })) as Row[];
  };
}
