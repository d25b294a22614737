import type { DatabaseHandle } from "@/db/client";
import { type ChangeKind, onChange } from "./change-feed";

/** A safety net for a missed notice (a dropped LISTEN connection): reload at least this often anyway. */
export const MAX_DEFINITIONS_AGE_MS = 30_000;

/**
 * Definitions kept in memory and dropped on the change notices that concern them (DESIGN §3, §8): the
 * flags' and the active experiments' caches. One load is shared by concurrent requests; a failed one is
 * not kept; a load under way when a notice arrives is not kept either, as it may predate the change.
 *
 * The change feed never rejects: a LISTEN that fails is retried in the background and announces "all"
 * once it succeeds, while requests are served meanwhile (fresh within the 30-second expiry).
 */
export class DefinitionsCache<T> {
  private current: Promise<T> | null = null;
  /** What `current` resolved to, once it has. */
  private settled: T | null = null;
  private loadedAt = 0;
  private subscribed: Promise<unknown> | null = null;
  private listening = false;

  constructor(
    private readonly load: (handle: DatabaseHandle) => Promise<T>,
    private readonly invalidatedBy: (kind: ChangeKind) => boolean,
    protected readonly now: () => number = Date.now,
  ) {}

  /** The definitions, loaded when there are none or they are older than the safety net. */
  async get(handle: DatabaseHandle): Promise<T> {
    // Once subscribed, a request answers from memory without waiting a turn for the subscription.
    if (!this.listening) await this.subscribe(handle);
    if (this.current && this.now() - this.loadedAt <= MAX_DEFINITIONS_AGE_MS) return this.current;
    return this.reload(handle);
  }

  /**
   * The definitions from memory, without waiting a turn, when `get` would answer them as they are; else
   * undefined (not subscribed yet, loading, or older than the safety net), and `get` must be asked.
   */
  peek(): T | undefined {
    if (!this.listening || this.settled === null || this.now() - this.loadedAt > MAX_DEFINITIONS_AGE_MS) return undefined;
    return this.settled;
  }

  /** Forgets the definitions (a change notice). */
  invalidate(_handle: DatabaseHandle): void {
    this.current = null;
    this.settled = null;
  }

  /** Runs once per load that is kept (not superseded by a notice or a newer load). */
  protected loaded(_definitions: T): void {}

  protected subscribe(handle: DatabaseHandle): Promise<unknown> {
    this.subscribed ??= onChange(handle, (kind) => {
      if (this.invalidatedBy(kind)) this.invalidate(handle);
    }).then(() => {
      this.listening = true;
    });
    return this.subscribed;
  }

  private reload(handle: DatabaseHandle): Promise<T> {
    this.loadedAt = this.now();
    const loading = this.load(handle);
    this.current = loading;
    this.settled = null;
    loading.then(
      (definitions) => {
        if (this.current !== loading) return;
        this.settled = definitions;
        this.loaded(definitions);
      },
      // A failed load is not kept: the next request tries again.
      () => {
        if (this.current === loading) this.current = null;
      },
    );
    return loading;
  }
}
