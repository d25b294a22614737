import { sql } from "drizzle-orm";
import type { DatabaseHandle, Executor } from "@/db/client";

/**
 * In-memory caches (API keys, roles, flag and experiment definitions) must drop stale entries on every
 * app instance within a second of a change (DESIGN §3). Writers NOTIFY in the transaction that makes the
 * change, so the notice is delivered exactly when the change commits; every instance LISTENs.
 *
 * PostgreSQL keeps no notices for a session that is not listening, so whenever the LISTEN is
 * (re-)established every listener hears "all": whatever it cached before may have changed unseen. While
 * there is no LISTEN at all (the first attempt failed), caches fall back on their 30-second expiry, and
 * the feed retries with exponential backoff.
 */
export const CHANGE_CHANNEL = "experimentation_changes";

/**
 * "role" covers a role's permissions (admin keys carry their role's). "all" means every cache: the feed
 * sends it itself when notices may have been missed, and a writer may send it after a bulk change.
 */
export type ChangeKind = "api_key" | "experiment" | "feature_flag" | "role" | "all";

const KINDS: ReadonlySet<string> = new Set<ChangeKind>(["api_key", "experiment", "feature_flag", "role", "all"]);

export async function announceChange(tx: Executor, kind: ChangeKind): Promise<void> {
  await tx.execute(sql`select pg_notify(${CHANGE_CHANNEL}, ${kind})`);
}

type Listener = (kind: ChangeKind) => void;

export const RETRY_FIRST_MS = 250;
export const RETRY_MAX_MS = 30_000;

interface Feed {
  listeners: Set<Listener>;
  /** Settles (never rejects) once the first LISTEN attempt has succeeded or failed. */
  started: Promise<void> | null;
  retry: ReturnType<typeof setTimeout> | null;
  /** Which attempt's callbacks count: a driver may keep a failed attempt's callbacks and call them later. */
  attempt: number;
}

const KEY = Symbol.for("experimentation.change-feed");
type Holder = { [KEY]?: Feed };

function feed(): Feed {
  const holder = globalThis as Holder;
  holder[KEY] ??= { listeners: new Set(), started: null, retry: null, attempt: 0 };
  return holder[KEY];
}

function deliver(f: Feed, kind: ChangeKind): void {
  for (const listener of f.listeners) listener(kind);
}

function start(f: Feed, handle: Pick<DatabaseHandle, "listen">, delayMs: number): Promise<void> {
  const attempt = ++f.attempt;
  const current = () => attempt === f.attempt;
  return handle
    .listen(
      CHANGE_CHANNEL,
      (payload) => {
        if (current() && KINDS.has(payload)) deliver(f, payload as ChangeKind);
      },
      () => {
        if (current()) deliver(f, "all");
      },
    )
    .then(
      () => undefined,
      (error: unknown) => {
        if (!current()) return;
        console.error(JSON.stringify({ level: "warn", msg: "LISTEN for cache invalidation failed; caches expire after 30 s until it succeeds", retryInMs: delayMs, error: String(error) }));
        f.retry = setTimeout(() => {
          f.retry = null;
          void start(f, handle, Math.min(delayMs * 2, RETRY_MAX_MS));
        }, delayMs);
        // The retry must not keep a process alive that has nothing else to do (a CLI, a test).
        f.retry.unref?.();
      },
    );
}

/**
 * Subscribes a cache to changes; the first subscriber starts the LISTEN on the given database. Resolves
 * once the first attempt has settled, and never rejects: a failed LISTEN is retried in the background.
 */
export async function onChange(handle: Pick<DatabaseHandle, "listen">, listener: Listener): Promise<() => void> {
  const f = feed();
  f.listeners.add(listener);
  f.started ??= start(f, handle, RETRY_FIRST_MS);
  await f.started;
  return () => f.listeners.delete(listener);
}

/** Drops the LISTEN (tests): the next subscriber starts a new one; listeners stay subscribed. */
export function resetChangeFeed(): void {
  const f = feed();
  if (f.retry) clearTimeout(f.retry);
  f.retry = null;
  f.started = null;
  f.attempt++;
}
