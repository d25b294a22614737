import { Unavailable } from "../../errors";

export interface WriteBatcherOptions<Item> {
  /** Most items (by `weigh`) one batch writes; an item heavier than this alone still goes, alone. */
  maxBatch: number;
  /** Most batches being written at once (each on a connection of its own). */
  maxInFlight: number;
  /** Most items (by `weigh`) waiting (not yet in a batch being written); beyond it `submit` is refused at once. */
  maxQueue: number;
  /** What an item counts for against `maxBatch` and `maxQueue` (the rows it holds); 1 when left out. */
  weigh?: (item: Item) => number;
  /** The 503's message when the queue is full. */
  overloadMessage?: string;
}

interface Waiter<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for writes of concurrent requests (the idea of PostgreSQL's own `commit_delay`, and of
 * write-ahead-log group commit generally): items submitted while a batch is being written wait and go
 * out together in the next one, so under load many requests share one statement and one commit, and
 * when idle an item waits only for the current tick. A few batches may be in flight at once, so that one
 * batch's commit does not hold up the next one's statement. A failed batch rejects its own waiters only;
 * the queue is bounded, and a full queue refuses at once (503) rather than letting latency and memory
 * grow without limit.
 */
export class WriteBatcher<Item, Result> {
  private queue: Waiter<Item, Result>[] = [];
  /** The queue's items' total weight. */
  private queued = 0;
  private inFlight = 0;
  private scheduled = false;
  /** Batches written so far (successful or not): how well requests share statements. */
  batches = 0;

  constructor(
    /** Writes a batch; answers one result per item, in order. */
    private readonly writeBatch: (items: Item[]) => Promise<Result[]>,
    private readonly options: WriteBatcherOptions<Item>,
  ) {}

  private weight(item: Item): number {
    return this.options.weigh?.(item) ?? 1;
  }

  submit(item: Item): Promise<Result> {
    const weight = this.weight(item);
    if (this.queued > 0 && this.queued + weight > this.options.maxQueue) {
      return Promise.reject(new Unavailable(this.options.overloadMessage ?? "Too many new assignments are waiting to be stored; retry in a moment.", 1));
    }
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.queued += weight;
      this.schedule();
    });
  }

  /** Takes the next batch off the queue: items in order up to `maxBatch` in weight, at least one. */
  private nextBatch(): Waiter<Item, Result>[] {
    let total = 0;
    let count = 0;
    while (count < this.queue.length) {
      const weight = this.weight(this.queue[count]!.item);
      if (count > 0 && total + weight > this.options.maxBatch) break;
      total += weight;
      count++;
    }
    this.queued -= total;
    return this.queue.splice(0, count);
  }

  /** Starts batches at the end of this turn of the event loop, so every request read in it can join. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) void this.write(this.nextBatch());
    });
  }

  get waiting(): number {
    return this.queue.length;
  }

  private async write(batch: Waiter<Item, Result>[]): Promise<void> {
    this.inFlight++;
    this.batches++;
    try {
      const results = await this.writeBatch(batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} writes answered ${results.length} results`);
      batch.forEach((w, i) => w.resolve(results[i] as Result));
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      this.inFlight--;
      if (this.queue.length > 0) this.schedule();
    }
  }
}
