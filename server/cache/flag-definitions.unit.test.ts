import { describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import type { FlagDefinitions } from "../services/flags/load-flag-definitions";
import type { ChangeKind } from "./change-feed";
import { MAX_DEFINITIONS_AGE_MS } from "./definitions-cache";
import { FlagDefinitionsCache } from "./flag-definitions";

/** One LISTEN for the whole file (the change feed is process-wide): `notify` plays a NOTIFY arriving. */
let deliver: ((payload: string) => void) | null = null;
const handle = {
  listen: async (_channel: string, onNotify: (payload: string) => void) => {
    deliver = onNotify;
    return async () => undefined;
  },
} as unknown as DatabaseHandle;
const notify = (kind: ChangeKind) => deliver?.(kind);

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const definitions = (version: string): FlagDefinitions => ({ version, flags: new Map() });

/** A cache whose loads the test resolves by hand, in order. */
function controlled(now: () => number = Date.now) {
  const loads: Array<ReturnType<typeof deferred<FlagDefinitions>>> = [];
  const cache = new FlagDefinitionsCache(() => {
    const load = deferred<FlagDefinitions>();
    loads.push(load);
    return load.promise;
  }, now);
  return { cache, loads };
}

describe("FlagDefinitionsCache", () => {
  it("shares one load between concurrent requests and keeps it", async () => {
    const { cache, loads } = controlled();
    const a = cache.definitions(handle);
    const b = cache.definitions(handle);
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toHaveLength(1);
    loads[0]!.resolve(definitions("v1"));
    expect((await a).version).toBe("v1");
    expect((await b).version).toBe("v1");
    expect((await cache.definitions(handle)).version).toBe("v1");
    expect(loads).toHaveLength(1);
  });

  it("does not keep a failed load: the next request loads again", async () => {
    const { cache, loads } = controlled();
    const failed = cache.definitions(handle);
    await new Promise((r) => setTimeout(r, 0));
    loads[0]!.reject(new Error("database down"));
    await expect(failed).rejects.toThrow("database down");
    const retried = cache.definitions(handle);
    await new Promise((r) => setTimeout(r, 0));
    loads[1]!.resolve(definitions("v2"));
    expect((await retried).version).toBe("v2");
  });

  it.each(["feature_flag", "all"] as const)("drops its definitions on a %s notice, even one arriving during a load", async (kind) => {
    const { cache, loads } = controlled();
    const first = cache.definitions(handle);
    await new Promise((r) => setTimeout(r, 0));
    notify(kind);
    loads[0]!.resolve(definitions("stale"));
    expect((await first).version).toBe("stale");
    const next = cache.definitions(handle);
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toHaveLength(2);
    loads[1]!.resolve(definitions("fresh"));
    expect((await next).version).toBe("fresh");
  });

  it("answers from memory without waiting (peek) only what a request would get: nothing loading, stale or dropped", async () => {
    let clock = 1_000_000;
    const { cache, loads } = controlled(() => clock);
    expect(cache.peek()).toBeUndefined();
    const first = cache.definitions(handle);
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.peek()).toBeUndefined();
    loads[0]!.resolve(definitions("v1"));
    await first;
    expect(cache.peek()?.version).toBe("v1");
    // A notice arriving during a reload: the load it may predate is never answered from memory.
    notify("feature_flag");
    expect(cache.peek()).toBeUndefined();
    const second = cache.definitions(handle);
    await new Promise((r) => setTimeout(r, 0));
    notify("feature_flag");
    loads[1]!.resolve(definitions("v2"));
    await second;
    expect(cache.peek()).toBeUndefined();
    const third = cache.definitions(handle);
    await new Promise((r) => setTimeout(r, 0));
    loads[2]!.resolve(definitions("v3"));
    await third;
    expect(cache.peek()?.version).toBe("v3");
    clock += MAX_DEFINITIONS_AGE_MS + 1;
    expect(cache.peek()).toBeUndefined();
  });

  it("ignores notices about other things", async () => {
    const { cache, loads } = controlled();
    const first = cache.definitions(handle);
    await new Promise((r) => setTimeout(r, 0));
    loads[0]!.resolve(definitions("v1"));
    await first;
    notify("experiment");
    notify("api_key");
    await cache.definitions(handle);
    expect(loads).toHaveLength(1);
  });

  it("reloads after 30 seconds even without a notice", async () => {
    let clock = 1_000_000;
    const { cache, loads } = controlled(() => clock);
    const first = cache.definitions(handle);
    await new Promise((r) => setTimeout(r, 0));
    loads[0]!.resolve(definitions("v1"));
    await first;
    clock += MAX_DEFINITIONS_AGE_MS;
    await cache.definitions(handle);
    expect(loads).toHaveLength(1);
    clock += 1;
    void cache.definitions(handle);
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toHaveLength(2);
  });

  it("tells version listeners of a change at once, reloading without waiting for a request", async () => {
    const { cache, loads } = controlled();
    const heard: string[] = [];
    const first = cache.definitions(handle);
    await new Promise((r) => setTimeout(r, 0));
    loads[0]!.resolve(definitions("v1"));
    await first;
    const stop = await cache.onVersion(handle, (version) => heard.push(version));
    notify("feature_flag");
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toHaveLength(2);
    loads[1]!.resolve(definitions("v2"));
    await new Promise((r) => setTimeout(r, 0));
    expect(heard).toEqual(["v2"]);
    stop();
    notify("feature_flag");
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toHaveLength(2);
  });
});
