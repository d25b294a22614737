/** Writes several services share: nested variants and metrics, and the checks that come before them. */
import { type SQL, and, eq, isNull, sql } from "drizzle-orm";
import { narrowsTraffic } from "@/core/assignment/traffic-narrowing";
import type { Executor } from "@/db/client";
import { experiments, metrics, users, variants } from "@/db/schema";
import { uniqueViolation } from "../../db-errors";
import { Conflict, Invalid } from "../../errors";

/** What a new variant needs: validated input, or the row of a variant being copied. */
export interface NewVariant {
  name: string;
  description?: string | null;
  isControl: boolean;
  trafficAllocation: number;
  configuration: Record<string, unknown>;
}

/** What a new metric needs: validated input, or the row of a metric being copied. */
export interface NewMetric {
  name: string;
  description?: string | null;
  eventName: string;
  metricType: (typeof metrics.$inferInsert)["metricType"];
  isPrimary: boolean;
  aggregationMethod?: string | null;
  minimumSampleSize?: number | null;
  expectedEffect?: number | null;
  eventValuePath?: string | null;
  lowerIsBetter: boolean;
}

/**
 * `now()` plus `index` microseconds: rows inserted by one transaction would otherwise share `now()` and
 * lose the order they were given in, which for variants is their bucket order.
 */
export function sequencedNow(index: number): SQL<Date> {
  return sql<Date>`now() + ${index}::int * interval '1 microsecond'`;
}

export async function insertVariants(tx: Executor, experimentId: string, list: readonly NewVariant[]): Promise<void> {
  if (list.length === 0) return;
  await tx.insert(variants).values(
    list.map((variant, index) => ({
      experimentId,
      name: variant.name,
      description: variant.description ?? null,
      isControl: variant.isControl,
      trafficAllocation: variant.trafficAllocation,
      configuration: variant.configuration,
      createdAt: sequencedNow(index),
    })),
  );
}

export async function insertMetrics(tx: Executor, experimentId: string, list: readonly NewMetric[]): Promise<void> {
  if (list.length === 0) return;
  await tx.insert(metrics).values(list.map((metric, index) => ({ ...metricValues(metric), experimentId, createdAt: sequencedNow(index) })));
}

export function metricValues(metric: NewMetric) {
  return {
    name: metric.name,
    description: metric.description ?? null,
    eventName: metric.eventName,
    metricType: metric.metricType,
    isPrimary: metric.isPrimary,
    aggregationMethod: metric.aggregationMethod ?? null,
    minimumSampleSize: metric.minimumSampleSize ?? null,
    expectedEffect: metric.expectedEffect ?? null,
    eventValuePath: metric.eventValuePath ?? null,
    lowerIsBetter: metric.lowerIsBetter,
  };
}

export async function ensureOwnerExists(tx: Executor, ownerId: string | null | undefined): Promise<void> {
  if (ownerId == null) return;
  const [owner] = await tx.select({ id: users.id }).from(users).where(eq(users.id, ownerId));
  if (!owner) throw new Invalid("The owner is not a known user.", { ownerId: ["Choose an existing user."] });
}

export function keyTaken(key: string): Conflict {
  return new Conflict(`The key "${key}" is already used by another experiment.`, { key: ["This key is already used."] });
}

export async function ensureKeyFree(tx: Executor, key: string): Promise<void> {
  const [taken] = await tx.select({ id: experiments.id }).from(experiments).where(eq(experiments.key, key));
  if (taken) throw keyTaken(key);
}

/** A concurrent insert can still take the key between the check and the write: the unique index decides. */
export function keyConflictFrom(error: unknown, key: string): Conflict | null {
  return uniqueViolation(error) === "experiments_key_key" ? keyTaken(key) : null;
}

/** Field errors keyed by the form's own field names. */
export function fieldErrorsOf(entries: readonly { field: string; message: string }[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const { field, message } of entries) (errors[field] ??= []).push(message);
  return errors;
}

export function invalidFrom(entries: readonly { field: string; message: string }[]): Invalid {
  const [first] = entries;
  return new Invalid(first ? first.message : "Invalid input.", fieldErrorsOf(entries));
}

/** Edits of variants and metrics are edits of their experiment: lists sort by its `updated_at`. */
export async function touchExperiment(tx: Executor, experimentId: string): Promise<void> {
  await tx.update(experiments).set({ updatedAt: new Date() }).where(eq(experiments.id, experimentId));
}

/**
 * Records, the first time it happens, that a variant change narrowed the enrolled part of the hash space
 * of an experiment that has left draft: from then on a user outside the traffic may hold an assignment
 * and assignment looks it up (see `core/assignment/traffic-narrowing`). Call after the variant writes, in
 * their transaction, with the variants as they were before (in bucket order).
 */
export async function recordTrafficNarrowing(
  tx: Executor,
  experiment: { id: string; status: string; trafficNarrowedAt: Date | null },
  before: readonly { id: string; trafficAllocation: number }[],
): Promise<void> {
  if (experiment.status === "DRAFT" || experiment.trafficNarrowedAt !== null) return;
  const after = await tx
    .select({ id: variants.id, trafficAllocation: variants.trafficAllocation })
    .from(variants)
    .where(eq(variants.experimentId, experiment.id))
    .orderBy(variants.createdAt, variants.id);
  // Variants are only ever appended, so the union in this order is the bucket order on both sides; a
  // variant missing on one side counts as 0%, which gives the same ranges as leaving it out.
  const ids = [...new Set([...before.map((v) => v.id), ...after.map((v) => v.id)])];
  const allocations = (list: readonly { id: string; trafficAllocation: number }[]) => {
    const byId = new Map(list.map((v) => [v.id, v.trafficAllocation]));
    return ids.map((id) => byId.get(id) ?? 0);
  };
  if (!narrowsTraffic(allocations(before), allocations(after))) return;
  await tx
    .update(experiments)
    .set({ trafficNarrowedAt: new Date() })
    .where(and(eq(experiments.id, experiment.id), isNull(experiments.trafficNarrowedAt)));
}
