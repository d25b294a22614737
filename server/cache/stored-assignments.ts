/**
 * Assignments this instance has seen stored, in memory, so that a returning user is answered without
 * a database round trip (DESIGN §9: assignment touches the database only to record a new assignment).
 *
 * Safe to keep without invalidation: an assignment row is never changed once written. Its variant cannot
 * be deleted while assignments point at it (foreign key), and its experiment can only be deleted as a
 * DRAFT, which has none. So a remembered (experiment, user) → variant pair stays true; the only cost of
 * forgetting one is a database read.
 *
 * Eviction approximates least-recently-used with two generations (as hashlru does): entries go into
 * `recent`; once it holds half the capacity it becomes `older`, and the previous `older` is dropped. A read
 * found only in `older` is copied into `recent`. So at most `capacity` entries are held, an entry read or
 * written within the last capacity/2 insertions is never dropped, and a hit costs one Map read. An exact
 * LRU moved the entry on every read (a delete and a set), about a sixth of a returning user's request.
 *
 * What is not remembered: that a user has *no* assignment. Another instance may store one at any moment
 * (briefly with a different definition in hand), and a wrong "no" would move an enrolled user out.
 */
export const MAX_STORED_ASSIGNMENTS = 200_000;

export class StoredAssignments {
  private recent = new Map<string, string>();
  private older = new Map<string, string>();
  private readonly generation: number;

  constructor(capacity = MAX_STORED_ASSIGNMENTS) {
    this.generation = Math.max(1, Math.floor(capacity / 2));
  }

  private static key(experimentId: string, userId: string): string {
    return `${experimentId}\u0000${userId}`;
  }

  /** The variant id stored for the user, if this instance has seen it. */
  get(experimentId: string, userId: string): string | undefined {
    const key = StoredAssignments.key(experimentId, userId);
    const recent = this.recent.get(key);
    if (recent !== undefined) return recent;
    const older = this.older.get(key);
    if (older !== undefined) this.add(key, older);
    return older;
  }

  /** Records a row known to be committed. */
  remember(experimentId: string, userId: string, variantId: string): void {
    this.add(StoredAssignments.key(experimentId, userId), variantId);
  }

  private add(key: string, variantId: string): void {
    if (!this.recent.has(key) && this.recent.size >= this.generation) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(key, variantId);
  }

  /** Entries held (one in both generations counts once). */
  get size(): number {
    let size = this.recent.size;
    for (const key of this.older.keys()) if (!this.recent.has(key)) size++;
    return size;
  }
}

const KEY = Symbol.for("experimentation.stored-assignments");

/** The process's one cache (shared by the fast-path server and Next's route handlers). */
export function storedAssignments(): StoredAssignments {
  const holder = globalThis as { [KEY]?: StoredAssignments };
  holder[KEY] ??= new StoredAssignments();
  return holder[KEY];
}
