import type { DatabaseHandle } from "@/db/client";
import { type FlagDefinitions, loadFlagDefinitions } from "../services/flags/load-flag-definitions";
import type { ChangeKind } from "./change-feed";
import { DefinitionsCache } from "./definitions-cache";

export function invalidatesFlags(kind: ChangeKind): boolean {
  return kind === "feature_flag" || kind === "all";
}

export type FlagVersionListener = (version: string) => void;

/**
 * Every flag with its overrides, in memory: OFREP and flag evaluation never read the database per request
 * (DESIGN §8). Any audited change to a flag or an override on any instance NOTIFYs; the cache drops its
 * definitions and the next request (or the event stream, when someone listens) reloads them.
 */
export class FlagDefinitionsCache extends DefinitionsCache<FlagDefinitions> {
  private readonly versionListeners = new Set<FlagVersionListener>();
  private lastVersion: string | null = null;

  constructor(load: (handle: DatabaseHandle) => Promise<FlagDefinitions> = (handle) => loadFlagDefinitions(handle.db), now: () => number = Date.now) {
    super(load, invalidatesFlags, now);
  }

  definitions(handle: DatabaseHandle): Promise<FlagDefinitions> {
    return this.get(handle);
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

  override invalidate(handle: DatabaseHandle): void {
    super.invalidate(handle);
    if (this.versionListeners.size > 0) void this.definitions(handle).catch(() => undefined);
  }

  protected override loaded(definitions: FlagDefinitions): void {
    if (definitions.version === this.lastVersion) return;
    this.lastVersion = definitions.version;
    for (const listener of this.versionListeners) listener(definitions.version);
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
