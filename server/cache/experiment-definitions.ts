import type { DatabaseHandle } from "@/db/client";
import type { ExperimentDefinition } from "../services/assignments/experiment-definition";
import { loadExperimentDefinitions } from "../services/assignments/load-experiment-definitions";
import { onChange } from "./change-feed";

/**
 * Every ACTIVE experiment's definition, in memory: assignment must not read definitions from the
 * database per request (DESIGN §8). Any audited change to an experiment, variant or metric on any
 * instance NOTIFYs, and the next request reloads (DESIGN §3: stale for well under a second).
 */
/** A safety net for a missed notice (a dropped LISTEN connection): reload at least this often anyway. */
export const MAX_DEFINITIONS_AGE_MS = 30_000;

type Definitions = Map<string, ExperimentDefinition>;

class ExperimentDefinitionsCache {
  private current: Promise<Definitions> | null = null;
  /** What `current` resolved to, once it has. */
  private settled: Definitions | null = null;
  private loadedAt = 0;
  private subscribed: Promise<unknown> | null = null;
  private listening = false;

  async active(handle: DatabaseHandle): Promise<Definitions> {
    // Once subscribed, a request answers from memory without waiting a turn for the subscription.
    if (!this.listening) {
      this.subscribed ??= onChange(handle, (kind) => {
        if (kind !== "experiment" && kind !== "all") return;
        this.current = null;
        this.settled = null;
      }).then(() => {
        this.listening = true;
      });
      await this.subscribed;
    }
    if (!this.current || Date.now() - this.loadedAt > MAX_DEFINITIONS_AGE_MS) {
      this.loadedAt = Date.now();
      const loading = loadExperimentDefinitions(handle.db).then((list) => new Map(list.map((d) => [d.key, d])));
      this.current = loading;
      this.settled = null;
      loading.then(
        (definitions) => {
          if (this.current === loading) this.settled = definitions;
        },
        // A failed load is not kept: the next request tries again.
        () => {
          if (this.current === loading) this.current = null;
        },
      );
    }
    return this.current;
  }

  /** The definitions from memory, without waiting a turn, when `active` would answer them as they are; else undefined. */
  peek(): Definitions | undefined {
    if (!this.listening || !this.settled || Date.now() - this.loadedAt > MAX_DEFINITIONS_AGE_MS) return undefined;
    return this.settled;
  }
}

const KEY = Symbol.for("experimentation.experiment-definitions");

function cache(): ExperimentDefinitionsCache {
  const holder = globalThis as { [KEY]?: ExperimentDefinitionsCache };
  holder[KEY] ??= new ExperimentDefinitionsCache();
  return holder[KEY];
}

export function activeExperimentDefinitions(handle: DatabaseHandle): Promise<Definitions> {
  return cache().active(handle);
}

/**
 * The ACTIVE experiments from memory in the same turn (the SDK fast path answers in the turn a request
 * arrives), or undefined when they must be (re)loaded: then `activeExperimentDefinitions`.
 */
export function activeExperimentDefinitionsNow(): Definitions | undefined {
  return cache().peek();
}
