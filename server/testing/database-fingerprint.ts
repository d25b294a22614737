import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/** postgres.js answers raw SQL with an array of rows, PGlite with `{rows}`. */
function rowsOf<Row>(result: unknown): Row[] {
  if (Array.isArray(result)) return result as Row[];
  if (result && typeof result === "object" && "rows" in result && Array.isArray(result.rows)) return result.rows as Row[];
  throw new Error("unexpected raw query result");
}

/**
 * Bookkeeping that a refused request may still write: when a key was last used (which touches its
 * `updated_at`). Any real change also changes another column, so leaving these out hides none.
 */
const BOOKKEEPING = ["last_used_at", "last_login", "updated_at"];

/**
 * A digest of every row of every table in schema `experimentation`: equal before and after a request
 * means it changed nothing at all, whichever tables it might have touched (also those added later),
 * apart from last-use bookkeeping.
 */
export async function databaseFingerprint(db: Database): Promise<Record<string, string>> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.tables where table_schema = 'experimentation' and table_type = 'BASE TABLE' order by table_name`),
  );
  const rowText = sql.raw(`(to_jsonb(t) ${BOOKKEEPING.map((column) => `- '${column}'`).join(" ")})::text`);
  const digest: Record<string, string> = {};
  for (const { table_name: name } of tables) {
    const [row] = rowsOf<{ n: number; md5: string }>(
      await db.execute(
        sql`select count(*)::int as n, md5(coalesce(string_agg(${rowText}, '|' order by ${rowText}), '')) as md5 from ${sql.identifier("experimentation")}.${sql.identifier(name)} t`,
      ),
    );
    digest[name] = `${row?.n}:${row?.md5}`;
  }
  return digest;
}
