import { eq } from "drizzle-orm";
import type { Actor, Permission } from "@/core/permissions/permissions";
import type { DatabaseHandle } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { ApiKeyType } from "@/db/schema/enums";
import { setBounded } from "../cache/bounded-map";
import { onChange } from "../cache/change-feed";
import { Unauthenticated } from "../errors";
import type { ApiRequest } from "./types";
import { rolePermissionSet } from "../services/auth/load-actor";
import { hashApiKey } from "../services/api-keys/key-material";

export interface ApiKeyPrincipal {
  id: string;
  name: string;
  type: ApiKeyType;
  actor: Actor;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/**
 * What client and server keys may do inside services. Which endpoints a key type reaches at all is
 * decided by withApiKey (client keys never reach management endpoints), so these only need to cover
 * evaluation, assignment and tracking.
 */
const SDK_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>(["experiment:read", "feature_flag:read", "event:create"]);

/** Valid keys kept in memory; an installation has far fewer, so in practice none is ever evicted. */
export const MAX_KNOWN_KEYS = 10_000;
/** Unknown hashes kept so a client retrying a bad key does not hammer the database; bounded on their own. */
export const MAX_UNKNOWN_KEYS = 10_000;
const LAST_USED_EVERY_MS = 60_000;
/** A safety net for a missed notice (a dropped LISTEN connection): forget every key at least this often. */
export const MAX_ENTRY_AGE_MS = 30_000;

type Listening = Pick<DatabaseHandle, "listen">;

/**
 * Keys by hash, in memory: the SDK hot path must not query the database per request (DESIGN §8).
 * Any key or role change anywhere (create, revoke, a role's permissions) clears the cache on every
 * instance. Unknown hashes are remembered apart from valid keys, so a flood of random keys evicts only
 * other unknown hashes.
 *
 * A lookup that was already reading when the cache was cleared must not put what it read back: it may
 * be a key revoked in between. Each clear starts a new generation, and a load stores its answer only
 * if the generation it started in is still current. Concurrent lookups of one hash share one load.
 */
export class ApiKeyCache<Handle extends Listening = DatabaseHandle> {
  private known = new Map<string, ApiKeyPrincipal>();
  private unknown = new Map<string, true>();
  private loading = new Map<string, Promise<ApiKeyPrincipal | null>>();
  private generation = 0;
  private filledSince = Date.now();
  private lastUsedWritten = new Map<string, number>();
  private subscribed: Promise<unknown> | null = null;
  private listening = false;

  constructor(
    private readonly load: (handle: Handle, keyHash: string) => Promise<ApiKeyPrincipal | null>,
    private readonly now: () => number = Date.now,
  ) {}

  clear(): void {
    this.generation++;
    this.known.clear();
    this.unknown.clear();
    this.loading.clear();
    this.filledSince = this.now();
  }

  async lookup(handle: Handle, keyHash: string): Promise<ApiKeyPrincipal | null> {
    // Once subscribed, a lookup answers from memory without waiting a turn for the subscription.
    if (!this.listening) {
      this.subscribed ??= onChange(handle, (kind) => {
        if (kind === "api_key" || kind === "role" || kind === "all") this.clear();
      }).then(() => {
        this.listening = true;
      });
      await this.subscribed;
    }
    if (this.now() - this.filledSince > MAX_ENTRY_AGE_MS) this.clear();
    const known = this.known.get(keyHash);
    if (known) return known;
    if (this.unknown.has(keyHash)) return null;
    const pending = this.loading.get(keyHash);
    if (pending) return pending;

    const generation = this.generation;
    const loading = this.load(handle, keyHash).then((principal) => {
      if (this.generation === generation) {
        if (principal) setBounded(this.known, keyHash, principal, MAX_KNOWN_KEYS);
        else setBounded(this.unknown, keyHash, true, MAX_UNKNOWN_KEYS);
      }
      return principal;
    });
    this.loading.set(keyHash, loading);
    // Settled either way, the load stops being shared; a failed one is not remembered, so the next request retries.
    const settled = () => {
      if (this.loading.get(keyHash) === loading) this.loading.delete(keyHash);
    };
    loading.then(settled, settled);
    return loading;
  }

  /**
   * The key from memory, without waiting a turn: its principal, null for a hash known to be no key, or
   * undefined when only `lookup` can tell (not subscribed yet, entries older than the safety net, or a
   * hash never seen).
   */
  peek(keyHash: string): ApiKeyPrincipal | null | undefined {
    if (!this.listening || this.now() - this.filledSince > MAX_ENTRY_AGE_MS) return undefined;
    const known = this.known.get(keyHash);
    if (known) return known;
    return this.unknown.has(keyHash) ? null : undefined;
  }

  get size(): { known: number; unknown: number } {
    return { known: this.known.size, unknown: this.unknown.size };
  }

  /** Records use at most once a minute per key, off the request's critical path. */
  touch(handle: DatabaseHandle, principal: ApiKeyPrincipal, now: Date): void {
    const last = this.lastUsedWritten.get(principal.id) ?? 0;
    if (now.getTime() - last < LAST_USED_EVERY_MS) return;
    this.lastUsedWritten.set(principal.id, now.getTime());
    handle.db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(eq(apiKeys.id, principal.id))
      .catch((error: unknown) => console.error(JSON.stringify({ level: "warn", msg: "could not record API key use", error: String(error) })));
  }
}

async function loadPrincipal(handle: DatabaseHandle, keyHash: string): Promise<ApiKeyPrincipal | null> {
  const [row] = await handle.db.select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash)).limit(1);
  if (!row) return null;
  const permissions = row.type === "admin" && row.roleId ? await rolePermissionSet(handle.db, row.roleId) : new Set(SDK_PERMISSIONS);
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    actor: { kind: "api_key", id: row.id, label: `API key "${row.name}"`, isSuperuser: false, permissions },
  };
}

const KEY = Symbol.for("experimentation.api-key-cache");
function cache(): ApiKeyCache {
  const holder = globalThis as { [KEY]?: ApiKeyCache };
  holder[KEY] ??= new ApiKeyCache(loadPrincipal);
  return holder[KEY];
}

/** The key a request carries: `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
export function presentedKey(headers: { get(name: string): string | null }): string | null {
  const bearer = headers.get("authorization")?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? headers.get("x-api-key")?.trim() ?? null;
}

/**
 * The request as if `key` had come in `X-API-Key`: for links and EventSource, which cannot send headers
 * and carry the key in the query string. Its fields are copied by name, because a spread would lose the
 * fast path's lazily built `url`.
 */
export function keyFromQuery(request: ApiRequest, key: string): ApiRequest {
  const headers = { get: (name: string) => (name.toLowerCase() === "x-api-key" ? key : request.headers.get(name)) };
  return { method: request.method, url: request.url, headers, params: request.params, body: request.body };
}

/**
 * The last key hashed, and its hash: SDKs send the same key on every request, and the hash was a
 * measurable share of an OFREP request's CPU. One entry only, so no list of plaintext keys builds up.
 */
let lastHashed: { key: string; hash: string } | null = null;

function keyHash(key: string): string {
  if (lastHashed?.key === key) return lastHashed.hash;
  const hash = hashApiKey(key);
  lastHashed = { key, hash };
  return hash;
}

const missingKey = () => new Unauthenticated("Missing API key: send `Authorization: Bearer <key>` or `X-API-Key: <key>`.");

/** A looked-up key, if it may be used now; its use is recorded (at most once a minute). */
function admitted(handle: DatabaseHandle, principal: ApiKeyPrincipal | null, now: Date): ApiKeyPrincipal {
  if (!principal) throw new Unauthenticated("Invalid API key.");
  if (principal.revokedAt) throw new Unauthenticated("This API key has been revoked.");
  if (principal.expiresAt && principal.expiresAt <= now) throw new Unauthenticated("This API key has expired.");
  cache().touch(handle, principal, now);
  return principal;
}

export async function authenticateApiKey(handle: DatabaseHandle, key: string | null, now = new Date()): Promise<ApiKeyPrincipal> {
  if (!key) throw missingKey();
  return admitted(handle, await cache().lookup(handle, keyHash(key)), now);
}

/**
 * authenticateApiKey answered from memory in the same turn, as the SDK fast path needs; undefined when
 * the key must be looked up (then call authenticateApiKey). It refuses exactly what authenticateApiKey refuses.
 */
export function authenticateApiKeyNow(handle: DatabaseHandle, key: string | null, now = new Date()): ApiKeyPrincipal | undefined {
  if (!key) throw missingKey();
  const principal = cache().peek(keyHash(key));
  return principal === undefined ? undefined : admitted(handle, principal, now);
}
