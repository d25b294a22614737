import { and, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { arrayLiteral, queryPrepared } from "@/db/raw-sql";
import { assignments } from "@/db/schema";
import { isForeignKeyViolation } from "../../db-errors";
import { WriteBatcher } from "./write-batcher";

export interface NewAssignment {
  experimentId: string;
  variantId: string;
  userId: string;
  context: Record<string, unknown>;
}

/**
 * What became of a new assignment: `inserted` when this write stored it; otherwise the variant of the
 * row another request stored first. Null when the experiment or variant is gone (a stale cached
 * definition): nobody can be enrolled in it.
 */
export type StoredAssignment = { variantId: string; inserted: boolean } | null;

/** An assignment row as the INSERT answers it and the conflict SELECT reads it. */
type StoredRow = { experimentId: string; userId: string; variantId: string };

const pairKey = (experimentId: string, userId: string) => `${experimentId}\u0000${userId}`;

/**
 * One INSERT for the batch, each column one array parameter that `unnest` turns back into rows (as event
 * ingestion does): the statement's text is the same for every batch size, so it stays prepared, and the
 * driver binds four parameters, not four per row. `WITH ORDINALITY` keeps the rows in the order given
 * (the lock order, see `insertAssignments`).
 */
function insertRows(db: Executor, rows: readonly NewAssignment[]): Promise<StoredRow[]> {
  return queryPrepared<StoredRow>(db)`
    insert into experimentation.assignments (experiment_id, variant_id, user_id, context)
    select u.experiment_id, u.variant_id, u.user_id, u.context
    from unnest(${arrayLiteral(rows.map((r) => r.experimentId))}::uuid[], ${arrayLiteral(rows.map((r) => r.variantId))}::uuid[],
                ${arrayLiteral(rows.map((r) => r.userId))}::text[], ${arrayLiteral(rows.map((r) => JSON.stringify(r.context)))}::jsonb[])
      with ordinality as u(experiment_id, variant_id, user_id, context, position)
    order by u.position
    on conflict (experiment_id, user_id) do nothing
    returning experiment_id as "experimentId", user_id as "userId", variant_id as "variantId"`;
}

/** Stores distinct pairs; answers the stored variant of each pair (and whether this write stored it), none for a gone experiment. */
async function storeDistinct(db: Executor, rows: readonly NewAssignment[]): Promise<Map<string, { variantId: string; inserted: boolean }>> {
  const outcome = new Map<string, { variantId: string; inserted: boolean }>();
  let inserted: StoredRow[];
  try {
    inserted = await insertRows(db, rows);
  } catch (error) {
    if (!isForeignKeyViolation(error)) throw error;
    if (rows.length === 1) return outcome;
    // One stale definition must not fail the others: store them one by one (rare: an experiment was just deleted).
    for (const row of rows) for (const [key, value] of await storeDistinct(db, [row])) outcome.set(key, value);
    return outcome;
  }
  for (const row of inserted) outcome.set(pairKey(row.experimentId, row.userId), { variantId: row.variantId, inserted: true });

  const conflicted = rows.filter((row) => !outcome.has(pairKey(row.experimentId, row.userId)));
  if (conflicted.length === 0) return outcome;
  const found = await db
    .select({ experimentId: assignments.experimentId, userId: assignments.userId, variantId: assignments.variantId })
    .from(assignments)
    .where(
      and(
        inArray(assignments.experimentId, [...new Set(conflicted.map((row) => row.experimentId))]),
        inArray(assignments.userId, [...new Set(conflicted.map((row) => row.userId))]),
      ),
    );
  const wanted = new Set(conflicted.map((row) => pairKey(row.experimentId, row.userId)));
  for (const row of found) {
    const key = pairKey(row.experimentId, row.userId);
    if (wanted.has(key)) outcome.set(key, { variantId: row.variantId, inserted: false });
  }
  return outcome;
}

/**
 * Stores new assignments with one multi-row INSERT ... ON CONFLICT DO NOTHING (one statement, one
 * commit), then reads the rows that other requests stored first with one SELECT: a new statement sees
 * what they committed, which the INSERT's own snapshot could not. One row per experiment and user
 * whatever the race (the unique index decides); duplicates within the batch share the first one's row.
 *
 * Rows are inserted in (experiment, user) order, so two instances' batches that overlap take their
 * index locks in the same order and cannot deadlock (PostgreSQL documentation, "Deadlocks": acquire
 * locks on multiple objects in a consistent order).
 */
export async function insertAssignments(db: Executor, rows: readonly NewAssignment[]): Promise<StoredAssignment[]> {
  if (rows.length === 0) return [];
  const distinct = new Map<string, NewAssignment>();
  for (const row of rows) {
    const key = pairKey(row.experimentId, row.userId);
    if (!distinct.has(key)) distinct.set(key, row);
  }
  const ordered = [...distinct.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  const outcome = await storeDistinct(db, ordered);
  const claimed = new Set<string>();
  return rows.map((row) => {
    const key = pairKey(row.experimentId, row.userId);
    const stored = outcome.get(key);
    if (!stored) return null;
    // The first request for a pair stored it; its duplicates in the batch find it stored.
    const first = stored.inserted && !claimed.has(key);
    claimed.add(key);
    return { variantId: stored.variantId, inserted: first };
  });
}

export const MAX_ASSIGNMENT_BATCH = 1_000;
export const MAX_WAITING_ASSIGNMENTS = 20_000;
/** Batches written at once: a second one runs while the first commits; the pool (10) serves other queries too. */
export const ASSIGNMENT_BATCHES_IN_FLIGHT = 2;

const KEY = Symbol.for("experimentation.assignment-writers");

/** The process's batcher of new assignments for a database (shared by the fast path and Next's handlers). */
export function assignmentWriter(db: Executor): WriteBatcher<NewAssignment, StoredAssignment> {
  const holder = globalThis as { [KEY]?: WeakMap<Executor, WriteBatcher<NewAssignment, StoredAssignment>> };
  const writers = (holder[KEY] ??= new WeakMap());
  let writer = writers.get(db);
  if (!writer) {
    writer = new WriteBatcher((rows) => insertAssignments(db, rows), { maxBatch: MAX_ASSIGNMENT_BATCH, maxQueue: MAX_WAITING_ASSIGNMENTS, maxInFlight: ASSIGNMENT_BATCHES_IN_FLIGHT });
    writers.set(db, writer);
  }
  return writer;
}

