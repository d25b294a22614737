import { eq } from "drizzle-orm";
import type { Actor, Permission } from "@/core/permissions/permissions";
import type { DatabaseHandle } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { ApiKeyType } from "@/db/schema/enums";
import { onChange } from "../cache/change-feed";
import { Unauthenticated } from "../errors";
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

const MAX_ENTRIES = 10_000;
const LAST_USED_EVERY_MS = 60_000;
/** A safety net for a missed notice (a dropped LISTEN connection): forget every key at least this often. */
const MAX_ENTRY_AGE_MS = 30_000;

/**
 * Keys by hash, in memory: the SDK hot path must not query the database per request (DESIGN §8).
 * Unknown hashes are remembered too (bounded), so a client retrying a bad key does not hammer the
 * database. Any key change anywhere (create, revoke) clears the cache on every instance.
 */
class ApiKeyCache {
  private entries = new Map<string, ApiKeyPrincipal | null>();
  private filledSince = Date.now();
  private lastUsedWritten = new Map<string, number>();
  private subscribed: Promise<unknown> | null = null;

  async lookup(handle: DatabaseHandle, keyHash: string): Promise<ApiKeyPrincipal | null> {
    this.subscribed ??= onChange(handle, (kind) => {
      if (kind === "api_key") this.entries.clear();
    });
    await this.subscribed;
    if (Date.now() - this.filledSince > MAX_ENTRY_AGE_MS) {
      this.entries.clear();
      this.filledSince = Date.now();
    }
    if (this.entries.has(keyHash)) return this.entries.get(keyHash) ?? null;
    const principal = await loadPrincipal(handle, keyHash);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(keyHash, principal);
    return principal;
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
  holder[KEY] ??= new ApiKeyCache();
  return holder[KEY];
}

/** The key a request carries: `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
export function presentedKey(headers: { get(name: string): string | null }): string | null {
  const bearer = headers.get("authorization")?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? headers.get("x-api-key")?.trim() ?? null;
}

export async function authenticateApiKey(handle: DatabaseHandle, key: string | null, now = new Date()): Promise<ApiKeyPrincipal> {
  if (!key) throw new Unauthenticated("Missing API key: send `Authorization: Bearer <key>` or `X-API-Key: <key>`.");
  const principal = await cache().lookup(handle, hashApiKey(key));
  if (!principal) throw new Unauthenticated("Invalid API key.");
  if (principal.revokedAt) throw new Unauthenticated("This API key has been revoked.");
  if (principal.expiresAt && principal.expiresAt <= now) throw new Unauthenticated("This API key has expired.");
  cache().touch(handle, principal, now);
  return principal;
}
