import { Unavailable } from "../../errors";

export interface WriteBatcherOptions {
  /** Most items one batch writes. */
  maxBatch: number;
  /** Most batches being written at once (each on a connection of its own). */
  maxInFlight: number;
  /** Most items waiting (not yet in a batch being written); beyond it `submit` is refused at once. */
  maxQueue: number;
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
  private inFlight = 0;
  private scheduled = false;
  /** Batches written so far (successful or not): how well requests share statements. */
  batches = 0;

  constructor(
    /** Writes a batch; answers one result per item, in order. */
    private readonly writeBatch: (items: Item[]) => Promise<Result[]>,
    private readonly options: WriteBatcherOptions,
  ) {}

  submit(item: Item): Promise<Result> {
    if (this.queue.length >= this.options.maxQueue) {
      return Promise.reject(new Unavailable("Too many new assignments are waiting to be stored; retry in a moment.", 1));
    }
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Starts batches at the end of this turn of the event loop, so every request read in it can join. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) void this.write(this.queue.splice(0, this.options.maxBatch));
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
