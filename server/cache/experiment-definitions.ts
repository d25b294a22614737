import type { DatabaseHandle } from "@/db/client";
import type { ExperimentDefinition } from "../services/assignments/experiment-definition";
import { loadExperimentDefinitions } from "../services/assignments/load-experiment-definitions";
import { DefinitionsCache } from "./definitions-cache";

type Definitions = Map<string, ExperimentDefinition>;

/**
 * Every ACTIVE experiment's definition, in memory: assignment must not read definitions from the
 * database per request (DESIGN §8). Any audited change to an experiment, variant or metric on any
 * instance NOTIFYs, and the next request reloads (DESIGN §3: stale for well under a second).
 */
class ExperimentDefinitionsCache extends DefinitionsCache<Definitions> {
  constructor() {
    super(
      (handle) => loadExperimentDefinitions(handle.db).then((list) => new Map(list.map((d) => [d.key, d]))),
      (kind) => kind === "experiment" || kind === "all",
    );
  }
}

const KEY = Symbol.for("experimentation.experiment-definitions");

function cache(): ExperimentDefinitionsCache {
  const holder = globalThis as { [KEY]?: ExperimentDefinitionsCache };
  holder[KEY] ??= new ExperimentDefinitionsCache();
  return holder[KEY];
}

export function activeExperimentDefinitions(handle: DatabaseHandle): Promise<Definitions> {
  return cache().get(handle);
}

/**
 * The ACTIVE experiments from memory in the same turn (the SDK fast path answers in the turn a request
 * arrives), or undefined when they must be (re)loaded: then `activeExperimentDefinitions`.
 */
export function activeExperimentDefinitionsNow(): Definitions | undefined {
  return cache().peek();
}
