import type { DatabaseHandle } from "@/db/client";
import { type FlagDefinitions, loadFlagDefinitions } from "../services/flags/load-flag-definitions";
import { type ChangeKind, onChange } from "./change-feed";

/**
 * Every flag with its overrides, in memory: OFREP and flag evaluation never read the database per request
 * (DESIGN §8). Any audited change to a flag or an override on any instance NOTIFYs; the cache drops its
 * definitions and the next request (or the event stream, when someone listens) reloads them.
 */
/** A safety net for a missed notice (a dropped LISTEN connection): reload at least this often anyway. */
export const MAX_FLAG_DEFINITIONS_AGE_MS = 30_000;

export function invalidatesFlags(kind: ChangeKind): boolean {
  return kind === "feature_flag" || kind === "all";
}

export type FlagVersionListener = (version: string) => void;

export class FlagDefinitionsCache {
  private current: Promise<FlagDefinitions> | null = null;
  /** What `current` resolved to, once it has. */
  private settled: FlagDefinitions | null = null;
  private loadedAt = 0;
  private subscribed: Promise<unknown> | null = null;
  private listening = false;
  private readonly versionListeners = new Set<FlagVersionListener>();
  private lastVersion: string | null = null;

  constructor(
    private readonly load: (handle: DatabaseHandle) => Promise<FlagDefinitions> = (handle) => loadFlagDefinitions(handle.db),
    private readonly now: () => number = Date.now,
  ) {}

  async definitions(handle: DatabaseHandle): Promise<FlagDefinitions> {
    // Once subscribed, a request answers from memory without waiting a turn for the subscription.
    if (!this.listening) await this.subscribe(handle);
    if (this.current && this.now() - this.loadedAt <= MAX_FLAG_DEFINITIONS_AGE_MS) return this.current;
    return this.reload(handle);
  }

  /**
   * The definitions from memory, without waiting a turn, when `definitions` would answer them as they
   * are; else undefined (not subscribed yet, loading, or older than the safety net), and `definitions` must be asked.
   */
  peek(): FlagDefinitions | undefined {
    if (!this.listening || !this.settled || this.now() - this.loadedAt > MAX_FLAG_DEFINITIONS_AGE_MS) return undefined;
    return this.settled;
  }

  /**
   * Hears of every change to the flag definitions, with the new version, within a second of it: the
   * SSE event stream. The definitions are reloaded at once while anyone listens.
   */
  async onVersion(handle: DatabaseHandle, listener: FlagVersionListener): Promise<() => void> {
    await this.subscribe(handle);
    this.versionListeners.add(listener);
    return () => this.versionListeners.delete(listener);
  }

  /** Forgets the definitions (a change notice); a load under way is not kept, as it may predate the change. */
  invalidate(handle: DatabaseHandle): void {
    this.current = null;
    this.settled = null;
    if (this.versionListeners.size > 0) void this.definitions(handle).catch(() => undefined);
  }

  /**
   * The change feed never rejects: a LISTEN that fails is retried in the background and announces "all"
   * once it succeeds, while requests are served meanwhile (fresh within the 30-second expiry).
   */
  private subscribe(handle: DatabaseHandle): Promise<unknown> {
    this.subscribed ??= onChange(handle, (kind) => {
      if (invalidatesFlags(kind)) this.invalidate(handle);
    }).then(() => {
      this.listening = true;
    });
    return this.subscribed;
  }

  private reload(handle: DatabaseHandle): Promise<FlagDefinitions> {
    this.loadedAt = this.now();
    const loading = this.load(handle);
    this.current = loading;
    this.settled = null;
    loading.then(
      (definitions) => {
        if (this.current !== loading) return;
        this.settled = definitions;
        if (definitions.version === this.lastVersion) return;
        this.lastVersion = definitions.version;
        for (const listener of this.versionListeners) listener(definitions.version);
      },
      // A failed load is not kept: the next request tries again.
      () => {
        if (this.current === loading) this.current = null;
      },
    );
    return loading;
  }
}

const KEY = Symbol.for("experimentation.flag-definitions");

export function flagDefinitionsCache(): FlagDefinitionsCache {
  const holder = globalThis as { [KEY]?: FlagDefinitionsCache };
  holder[KEY] ??= new FlagDefinitionsCache();
  return holder[KEY];
}

export function flagDefinitions(handle: DatabaseHandle): Promise<FlagDefinitions> {
  return flagDefinitionsCache().definitions(handle);
}
