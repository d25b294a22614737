import { describe, expect, it } from "vitest";
import { Unavailable } from "../../errors";
import { WriteBatcher } from "./write-batcher";

/** A store the test finishes by hand, recording the batches it was given. */
function manualStore() {
  const batches: number[][] = [];
  const pending: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  const writeBatch = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push(items);
      pending.push({ resolve: () => resolve(items.map((i) => `stored ${i}`)), reject });
    });
  const tick = () => new Promise((r) => setImmediate(r));
  return { writeBatch, batches, finish: () => pending.shift()!.resolve(), fail: (e: Error) => pending.shift()!.reject(e), tick };
}

describe("WriteBatcher", () => {
  it("writes what concurrent requests submit together, and what arrives meanwhile in the next batch", async () => {
    const store = manualStore();
    const batcher = new WriteBatcher(store.writeBatch, { maxBatch: 100, maxQueue: 1000, maxInFlight: 1 });
    const first = [1, 2, 3].map((i) => batcher.submit(i));
    await store.tick();
    expect(store.batches).toEqual([[1, 2, 3]]);
    const second = [4, 5].map((i) => batcher.submit(i));
    await store.tick();
    // One batch in flight at a time: 4 and 5 wait for it.
    expect(store.batches).toHaveLength(1);
    store.finish();
    expect(await Promise.all(first)).toEqual(["stored 1", "stored 2", "stored 3"]);
    await store.tick();
    expect(store.batches).toEqual([[1, 2, 3], [4, 5]]);
    store.finish();
    expect(await Promise.all(second)).toEqual(["stored 4", "stored 5"]);
    expect(batcher.batches).toBe(2);
  });

  it("writes a second batch while the first is in flight, when allowed", async () => {
    const store = manualStore();
    const batcher = new WriteBatcher(store.writeBatch, { maxBatch: 100, maxQueue: 1000, maxInFlight: 2 });
    const first = batcher.submit(1);
    await store.tick();
    const second = batcher.submit(2);
    await store.tick();
    const third = batcher.submit(3);
    await store.tick();
    // Two in flight: the third waits until one of them is done.
    expect(store.batches).toEqual([[1], [2]]);
    store.finish();
    expect(await first).toBe("stored 1");
    await store.tick();
    expect(store.batches).toEqual([[1], [2], [3]]);
    store.finish();
    store.finish();
    expect(await Promise.all([second, third])).toEqual(["stored 2", "stored 3"]);
  });

  it("splits a long queue into batches of at most maxBatch", async () => {
    const sizes: number[] = [];
    const batcher = new WriteBatcher(async (items: number[]) => {
      sizes.push(items.length);
      return items.map(String);
    }, { maxBatch: 4, maxQueue: 1000, maxInFlight: 1 });
    expect(await Promise.all(Array.from({ length: 10 }, (_, i) => batcher.submit(i)))).toEqual(Array.from({ length: 10 }, (_, i) => String(i)));
    expect(sizes).toEqual([4, 4, 2]);
  });

  it("rejects only the failed batch's waiters, and keeps serving after", async () => {
    const store = manualStore();
    const batcher = new WriteBatcher(store.writeBatch, { maxBatch: 100, maxQueue: 1000, maxInFlight: 1 });
    const doomed = Promise.allSettled([batcher.submit(1), batcher.submit(2)]);
    await store.tick();
    const next = batcher.submit(3);
    store.fail(new Error("connection reset"));
    expect((await doomed).map((r) => r.status)).toEqual(["rejected", "rejected"]);
    await store.tick();
    store.finish();
    expect(await next).toBe("stored 3");
  });

  it("refuses at once with 503 when the queue is full, instead of growing without bound", async () => {
    const store = manualStore();
    const batcher = new WriteBatcher(store.writeBatch, { maxBatch: 2, maxQueue: 3, maxInFlight: 1 });
    const accepted = [1, 2, 3].map((i) => batcher.submit(i));
    const refused = batcher.submit(4);
    await expect(refused).rejects.toBeInstanceOf(Unavailable);
    await expect(refused).rejects.toMatchObject({ status: 503, retryAfterSeconds: 1 });
    await store.tick();
    // Two went into the batch being written; the queue has room again.
    const late = batcher.submit(5);
    store.finish();
    // The next batch starts at the end of the turn in which the first one was done.
    await store.tick();
    await store.tick();
    store.finish();
    expect(await Promise.all([...accepted, late])).toEqual(["stored 1", "stored 2", "stored 3", "stored 5"]);
  });

  it("counts items by their weight against the batch and queue limits, a heavy item going alone", async () => {
    const store = manualStore();
    const batcher = new WriteBatcher(store.writeBatch, { maxBatch: 5, maxQueue: 8, maxInFlight: 1, weigh: (n: number) => n, overloadMessage: "full" });
    const first = batcher.submit(9);
    await store.tick();
    // Heavier than a batch, into an empty queue: written alone rather than refused for ever.
    expect(store.batches).toEqual([[9]]);
    const waiting = [3, 2, 1].map((n) => batcher.submit(n));
    await expect(batcher.submit(3)).rejects.toMatchObject({ status: 503, message: "full" });
    store.finish();
    await first;
    await store.tick();
    await store.tick();
    // 3 + 2 fill a batch of 5; 1 waits for the next one.
    expect(store.batches).toEqual([[9], [3, 2]]);
    store.finish();
    await store.tick();
    await store.tick();
    expect(store.batches).toEqual([[9], [3, 2], [1]]);
    store.finish();
    expect(await Promise.all(waiting)).toEqual(["stored 3", "stored 2", "stored 1"]);
  });

  it("fails the batch when the store answers the wrong number of results", async () => {
    const batcher = new WriteBatcher(async () => ["only one"], { maxBatch: 10, maxQueue: 10, maxInFlight: 1 });
    await expect(Promise.all([batcher.submit(1), batcher.submit(2)])).rejects.toThrow("a batch of 2 writes answered 1 results");
  });
});
