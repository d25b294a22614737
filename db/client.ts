import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { acquireDirectoryLock } from "./directory-lock";
import type { SqlRunner } from "./migrate/runner";
import * as schema from "./schema";

export type Schema = typeof schema;
type Relations = ExtractTablesWithRelations<Schema>;
/** The Drizzle database, whichever driver is underneath. Services take this (or a transaction). */
export type Database = PgDatabase<PgQueryResultHKT, Schema, Relations>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, Relations>;
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  driver: "pglite" | "postgres";
  /** Raw SQL access for the migration runner and tests. */
  runner: SqlRunner;
  /**
   * LISTEN on a channel; resolves to a function that stops listening. `onListen` runs each time the
   * LISTEN is established, including after the driver reconnects (notices in between are lost).
   */
  listen(channel: string, onNotify: (payload: string) => void, onListen?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: "postgres"; url: string; maxConnections?: number }
  | { kind: "pglite"; dataDir: string }
  /** An already-open PGlite (tests clone one from a migrated template). */
  | { kind: "pglite-instance"; client: PGlite };

function pgliteRunner(client: Pick<PGlite, "query"> & Partial<Pick<PGlite, "transaction">>): SqlRunner {
  return {
    async query<Row extends Record<string, unknown>>(text: string, params?: unknown[]) {
      return (await client.query<Row>(text, params)).rows;
    },
    async transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
      // Inside a transaction already: PGlite has no nested transactions, and the runner never nests.
      if (!client.transaction) return fn(pgliteRunner(client));
      return client.transaction((tx) => fn(pgliteRunner(tx)));
    },
  };
}

function postgresRunner(sql: postgres.Sql | postgres.TransactionSql): SqlRunner {
  return {
    async query<Row extends Record<string, unknown>>(text: string, params?: unknown[]) {
      const rows = await sql.unsafe(text, (params ?? []) as postgres.ParameterOrJSON<never>[]);
      return rows as unknown as Row[];
    },
    async transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
      if (!("begin" in sql)) return fn(postgresRunner(sql));
      return sql.begin((tx) => fn(postgresRunner(tx))) as Promise<T>;
    },
  };
}

/** PGlite runs in this process, so its LISTEN never drops: it is established once. */
async function pgliteListen(client: PGlite, channel: string, onNotify: (payload: string) => void, onListen?: () => void): Promise<() => Promise<void>> {
  const unlisten = await client.listen(channel, onNotify);
  onListen?.();
  return unlisten;
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === "postgres") {
    const client = postgres(target.url, {
      max: target.maxConnections ?? 10,
      onnotice: () => {},
      connection: { application_name: "experimentation-platform" },
    });
    return {
      db: drizzlePostgres({ client, schema }) as unknown as Database,
      driver: "postgres",
      runner: postgresRunner(client),
      async listen(channel, onNotify, onListen) {
        // postgres.js calls onlisten on the first LISTEN and again after each reconnect.
        const { unlisten } = await client.listen(channel, onNotify, onListen);
        return unlisten;
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (target.kind === "pglite-instance") {
    return {
      db: drizzlePglite({ client: target.client, schema }) as unknown as Database,
      driver: "pglite",
      runner: pgliteRunner(target.client),
      listen: (channel, onNotify, onListen) => pgliteListen(target.client, channel, onNotify, onListen),
      close: () => target.client.close(),
    };
  }
  // Lock before PGlite touches the directory: a second process must not even open it.
  const lock = acquireDirectoryLock(target.dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir: target.dataDir });
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    db: drizzlePglite({ client, schema }) as unknown as Database,
    driver: "pglite",
    runner: pgliteRunner(client),
    listen: (channel, onNotify, onListen) => pgliteListen(client, channel, onNotify, onListen),
    async close() {
      try {
        await client.close();
      } finally {
        lock.release();
      }
    },
  };
}
