import { afterEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { resetChangeFeed } from "../cache/change-feed";
import { type ApiKeyPrincipal, ApiKeyCache, MAX_ENTRY_AGE_MS, MAX_UNKNOWN_KEYS } from "./api-key-auth";

type Listening = Pick<DatabaseHandle, "listen">;

/** A database that only LISTENs: the test announces changes through `notify`. */
function listeningDatabase() {
  const state = { notify: (_payload: string) => {} };
  const handle: Listening = {
    async listen(_channel, onNotify, onListen) {
      state.notify = onNotify;
      onListen?.();
      return async () => {};
    },
  };
  return { handle, notify: (kind: string) => state.notify(kind) };
}

function principal(id: string, revokedAt: Date | null = null): ApiKeyPrincipal {
  return { id, name: id, type: "client", expiresAt: null, revokedAt, actor: { kind: "api_key", id, label: id, isSuperuser: false, permissions: new Set() } };
}

/** A loader the test answers by hand, counting the reads it was asked for. */
function manualLoader() {
  const waiting: Array<{ hash: string; resolve: (p: ApiKeyPrincipal | null) => void; reject: (e: Error) => void }> = [];
  const reads: string[] = [];
  const load = (_handle: unknown, hash: string) =>
    new Promise<ApiKeyPrincipal | null>((resolve, reject) => {
      reads.push(hash);
      waiting.push({ hash, resolve, reject });
    });
  const next = () => {
    const first = waiting.shift();
    if (!first) throw new Error("no read is waiting");
    return first;
  };
  return { load, reads, next, settle: async () => new Promise((r) => setTimeout(r, 0)) };
}

afterEach(() => resetChangeFeed());

describe("ApiKeyCache", () => {
  it("does not put back a key read before a revocation that cleared the cache", async () => {
    const db = listeningDatabase();
    const loader = manualLoader();
    const cache = new ApiKeyCache<Listening>(loader.load);
    const before = cache.lookup(db.handle, "h1");
    await loader.settle();
    // The read has seen the key still valid; the revocation commits and its notice arrives before the read returns.
    const staleRead = loader.next();
    db.notify("api_key");
    staleRead.resolve(principal("k1"));
    expect((await before)?.revokedAt).toBeNull();

    const after = cache.lookup(db.handle, "h1");
    await loader.settle();
    expect(loader.reads).toEqual(["h1", "h1"]);
    loader.next().resolve(principal("k1", new Date()));
    expect((await after)?.revokedAt).toBeInstanceOf(Date);
  });

  it("shares one read among concurrent lookups and does not remember a failed one", async () => {
    const db = listeningDatabase();
    const loader = manualLoader();
    const cache = new ApiKeyCache<Listening>(loader.load);
    const both = Promise.allSettled([cache.lookup(db.handle, "h1"), cache.lookup(db.handle, "h1")]);
    await loader.settle();
    loader.next().reject(new Error("connection reset"));
    expect((await both).map((r) => r.status)).toEqual(["rejected", "rejected"]);
    const retry = cache.lookup(db.handle, "h1");
    await loader.settle();
    loader.next().resolve(principal("k1"));
    expect((await retry)?.id).toBe("k1");
    expect(loader.reads).toEqual(["h1", "h1"]);
    expect((await cache.lookup(db.handle, "h1"))?.id).toBe("k1");
    expect(loader.reads).toHaveLength(2);
  });

  it("drops every key when a role changes, and when the LISTEN was re-established", async () => {
    const db = listeningDatabase();
    const cache = new ApiKeyCache<Listening>(async (_handle, hash) => principal(hash));
    await cache.lookup(db.handle, "admin-key");
    expect(cache.size.known).toBe(1);
    db.notify("role");
    expect(cache.size.known).toBe(0);
    await cache.lookup(db.handle, "admin-key");
    db.notify("all");
    expect(cache.size.known).toBe(0);
    await cache.lookup(db.handle, "admin-key");
    db.notify("experiment");
    expect(cache.size.known).toBe(1);
  });

  it("keeps valid keys cached through a flood of random keys", async () => {
    const db = listeningDatabase();
    const reads: string[] = [];
    const cache = new ApiKeyCache<Listening>(async (_handle, hash) => {
      reads.push(hash);
      return hash.startsWith("valid") ? principal(hash) : null;
    });
    await cache.lookup(db.handle, "valid-1");
    for (let i = 0; i < 2 * MAX_UNKNOWN_KEYS + 5; i++) expect(await cache.lookup(db.handle, `random-${i}`)).toBeNull();
    expect(cache.size).toEqual({ known: 1, unknown: MAX_UNKNOWN_KEYS });
    reads.length = 0;
    expect((await cache.lookup(db.handle, "valid-1"))?.id).toBe("valid-1");
    // The newest unknown hashes are still remembered; the oldest were evicted.
    expect(await cache.lookup(db.handle, `random-${2 * MAX_UNKNOWN_KEYS + 4}`)).toBeNull();
    expect(reads).toEqual([]);
    expect(await cache.lookup(db.handle, "random-0")).toBeNull();
    expect(reads).toEqual(["random-0"]);
  });

  it("answers from memory without waiting (peek) only what lookup would answer without a read", async () => {
    const db = listeningDatabase();
    let now = 1_000_000;
    const cache = new ApiKeyCache<Listening>(async (_handle, hash) => (hash === "valid" ? principal(hash) : null), () => now);
    // Before the first lookup nothing is subscribed: a notice could not have reached the cache.
    expect(cache.peek("valid")).toBeUndefined();
    await cache.lookup(db.handle, "valid");
    await cache.lookup(db.handle, "bogus");
    expect(cache.peek("valid")?.id).toBe("valid");
    expect(cache.peek("bogus")).toBeNull();
    expect(cache.peek("never-seen")).toBeUndefined();
    db.notify("api_key");
    expect(cache.peek("valid")).toBeUndefined();
    await cache.lookup(db.handle, "valid");
    now += MAX_ENTRY_AGE_MS + 1;
    expect(cache.peek("valid")).toBeUndefined();
  });

  it("forgets everything after the maximum age, in case a notice was missed", async () => {
    const db = listeningDatabase();
    let now = 1_000_000;
    let reads = 0;
    const cache = new ApiKeyCache<Listening>(async (_handle, hash) => {
      reads++;
      return principal(hash);
    }, () => now);
    await cache.lookup(db.handle, "k");
    now += MAX_ENTRY_AGE_MS;
    await cache.lookup(db.handle, "k");
    expect(reads).toBe(1);
    now += 1;
    await cache.lookup(db.handle, "k");
    expect(reads).toBe(2);
  });
});
