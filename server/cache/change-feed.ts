import { sql } from "drizzle-orm";
import type { DatabaseHandle, Executor } from "@/db/client";

/**
 * In-memory caches (API keys, flag and experiment definitions) must drop stale entries on every app
 * instance within a second of a change (DESIGN §3). Writers NOTIFY in the transaction that makes the
 * change, so the notice is delivered exactly when the change commits; every instance LISTENs.
 */
export const CHANGE_CHANNEL = "experimentation_changes";

export type ChangeKind = "api_key" | "experiment" | "feature_flag" | "all";

export async function announceChange(tx: Executor, kind: ChangeKind): Promise<void> {
  await tx.execute(sql`select pg_notify(${CHANGE_CHANNEL}, ${kind})`);
}

type Listener = (kind: ChangeKind) => void;
const KEY = Symbol.for("experimentation.change-feed");
type Holder = { [KEY]?: { listeners: Set<Listener>; started: Promise<void> | null } };

function feed() {
  const holder = globalThis as Holder;
  holder[KEY] ??= { listeners: new Set(), started: null };
  return holder[KEY];
}

/** Subscribes a cache to changes; the first subscriber starts the LISTEN on the given database. */
export async function onChange(handle: Pick<DatabaseHandle, "listen">, listener: Listener): Promise<() => void> {
  const f = feed();
  f.listeners.add(listener);
  f.started ??= handle
    .listen(CHANGE_CHANNEL, (payload) => {
      for (const l of f.listeners) l(payload as ChangeKind);
    })
    .then(() => undefined);
  await f.started;
  return () => f.listeners.delete(listener);
}
