import { setBounded, touch } from "./bounded-map";

/**
 * Assignments this instance has seen stored, in memory, so that a returning user is answered without
 * a database round trip (DESIGN §9: assignment touches the database only to record a new assignment).
 *
 * Safe to keep without invalidation: an assignment row is never changed once written. Its variant cannot
 * be deleted while assignments point at it (foreign key), and its experiment can only be deleted as a
 * DRAFT, which has none. So a remembered (experiment, user) → variant pair stays true; the only cost of
 * forgetting one is a database read. Entries are evicted least recently used first.
 *
 * What is not remembered: that a user has *no* assignment. Another instance may store one at any moment
 * (briefly with a different definition in hand), and a wrong "no" would move an enrolled user out.
 */
export const MAX_STORED_ASSIGNMENTS = 200_000;

export class StoredAssignments {
  private readonly variants = new Map<string, string>();

  constructor(private readonly capacity = MAX_STORED_ASSIGNMENTS) {}

  private static key(experimentId: string, userId: string): string {
    return `${experimentId}\u0000${userId}`;
  }

  /** The variant id stored for the user, if this instance has seen it. */
  get(experimentId: string, userId: string): string | undefined {
    return touch(this.variants, StoredAssignments.key(experimentId, userId));
  }

  /** Records a row known to be committed. */
  remember(experimentId: string, userId: string, variantId: string): void {
    setBounded(this.variants, StoredAssignments.key(experimentId, userId), variantId, this.capacity);
  }

  get size(): number {
    return this.variants.size;
  }
}

const KEY = Symbol.for("experimentation.stored-assignments");

/** The process's one cache (shared by the fast-path server and Next's route handlers). */
export function storedAssignments(): StoredAssignments {
  const holder = globalThis as { [KEY]?: StoredAssignments };
  holder[KEY] ??= new StoredAssignments();
  return holder[KEY];
}
