import { type Database, type DatabaseHandle, openDatabase } from "./client";
import { databaseTargetFromEnv, describeTarget } from "./config";
import { migrateUp, migrationStatus, pendingMigrationsMessage } from "./migrate/runner";

export class PendingMigrationsError extends Error {
  override name = "PendingMigrationsError";
}

// One database per process. Next bundles server code separately from our custom server, so module
// state is not shared between them; globalThis is. Two PGlite instances on one directory would corrupt it.
const KEY = Symbol.for("experimentation.database");
const READY = Symbol.for("experimentation.database.ready");
type Holder = { [KEY]?: Promise<DatabaseHandle>; [READY]?: DatabaseHandle };

/**
 * Brings a freshly opened database to a state the app can serve from: the embedded database belongs
 * to this app alone and is migrated to head on the spot; a shared PostgreSQL is migrated at deploy
 * time (`npm run db:migrate`), never implicitly, so pending migrations stop start-up.
 */
export async function prepareForServing(handle: Pick<DatabaseHandle, "driver" | "runner">, label: string): Promise<void> {
  if (handle.driver === "pglite") {
    const applied = await migrateUp(handle.runner);
    if (applied.length > 0) console.log(JSON.stringify({ level: "info", msg: "migrations applied", database: label, applied }));
    return;
  }
  const message = pendingMigrationsMessage(await migrationStatus(handle.runner));
  if (message) throw new PendingMigrationsError(message);
}

async function open(): Promise<DatabaseHandle> {
  const target = databaseTargetFromEnv();
  const handle = await openDatabase(target);
  try {
    await prepareForServing(handle, describeTarget(target));
    return handle;
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const opening = open();
    holder[KEY] = opening;
    opening.then(
      (handle) => {
        if (holder[KEY] === opening) holder[READY] = handle;
      },
      // A failed open is not cached: the next call tries again (e.g. after the migration was run).
      () => {
        if (holder[KEY] === opening) delete holder[KEY];
      },
    );
  }
  return holder[KEY];
}

/** The database once open, without waiting a turn (the SDK fast path answers in the turn a request arrives); else the opening. */
export function databaseHandle(): DatabaseHandle | Promise<DatabaseHandle> {
  return (globalThis as Holder)[READY] ?? getDatabaseHandle();
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

export async function closeAppDatabase(): Promise<void> {
  const holder = globalThis as Holder;
  const pending = holder[KEY];
  delete holder[KEY];
  delete holder[READY];
  if (pending) await (await pending).close();
}
