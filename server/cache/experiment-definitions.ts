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

class ExperimentDefinitionsCache {
  private current: Promise<Map<string, ExperimentDefinition>> | null = null;
  private loadedAt = 0;
  private subscribed: Promise<unknown> | null = null;
  private listening = false;

  async active(handle: DatabaseHandle): Promise<Map<string, ExperimentDefinition>> {
    // Once subscribed, a request answers from memory without waiting a turn for the subscription.
    if (!this.listening) {
      this.subscribed ??= onChange(handle, (kind) => {
        if (kind === "experiment" || kind === "all") this.current = null;
      }).then(() => {
        this.listening = true;
      });
      await this.subscribed;
    }
    if (!this.current || Date.now() - this.loadedAt > MAX_DEFINITIONS_AGE_MS) {
      this.loadedAt = Date.now();
      const loading = loadExperimentDefinitions(handle.db).then((list) => new Map(list.map((d) => [d.key, d])));
      this.current = loading;
      // A failed load is not kept: the next request tries again.
      loading.catch(() => {
        if (this.current === loading) this.current = null;
      });
    }
    return this.current;
  }
}

const KEY = Symbol.for("experimentation.experiment-definitions");

export function activeExperimentDefinitions(handle: DatabaseHandle): Promise<Map<string, ExperimentDefinition>> {
  const holder = globalThis as { [KEY]?: ExperimentDefinitionsCache };
  holder[KEY] ??= new ExperimentDefinitionsCache();
  return holder[KEY].active(handle);
}
