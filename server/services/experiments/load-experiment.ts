/** Reading experiments for the services: lookup by id or key, row locks, and the full detail shape. */
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { experiments, metrics, users, variants } from "@/db/schema";
import { NotFound } from "../../errors";
import { validate } from "../validate";
import { type ExperimentRef, experimentRefSchema } from "./experiment.schema";

export type ExperimentRow = typeof experiments.$inferSelect;
export type VariantRow = typeof variants.$inferSelect;
export type MetricRow = typeof metrics.$inferSelect;

export interface ExperimentOwner {
  id: string;
  username: string;
  fullName: string | null;
}

/** An experiment with its variants (in bucket order), metric definitions and owner. */
export interface ExperimentDetail extends ExperimentRow {
  variants: VariantRow[];
  metricDefinitions: MetricRow[];
  owner: ExperimentOwner | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function describeRef(ref: ExperimentRef): string {
  return "key" in ref ? `"${ref.key}"` : `with id ${ref.id}`;
}

/**
 * The experiment `ref` names, or NotFound. With `lock`, the row stays locked (FOR UPDATE) until the
 * transaction ends, so checks on its variants and the write that follows see no concurrent change.
 */
export async function findExperiment(ex: Executor, input: unknown, options: { lock?: boolean } = {}): Promise<ExperimentRow> {
  const ref = validate(experimentRefSchema, input);
  const notFound = new NotFound(`Experiment ${describeRef(ref)} not found.`);
  // Not a UUID: no row can have it, and PostgreSQL would reject the comparison as bad input.
  if ("id" in ref && !UUID.test(ref.id)) throw notFound;
  const query = ex
    .select()
    .from(experiments)
    .where("id" in ref ? eq(experiments.id, ref.id) : eq(experiments.key, ref.key));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound;
  return row;
}

/**
 * Variants in the order that decides their slice of the hash space (`core/assignment`). There is no
 * position column: creation order stands in for it, and writes that insert several variants at once
 * give each its own timestamp (`sequencedNow`) so that the order is the one they were given in.
 */
export function loadVariants(ex: Executor, experimentId: string): Promise<VariantRow[]> {
  return ex.select().from(variants).where(eq(variants.experimentId, experimentId)).orderBy(asc(variants.createdAt), asc(variants.id));
}

export function loadMetrics(ex: Executor, experimentId: string): Promise<MetricRow[]> {
  return ex.select().from(metrics).where(eq(metrics.experimentId, experimentId)).orderBy(asc(metrics.createdAt), asc(metrics.id));
}

export async function loadExperimentDetail(ex: Executor, experiment: ExperimentRow): Promise<ExperimentDetail> {
  const [variantRows, metricRows, ownerRows] = await Promise.all([
    loadVariants(ex, experiment.id),
    loadMetrics(ex, experiment.id),
    experiment.ownerId === null
      ? Promise.resolve([])
      : ex.select({ id: users.id, username: users.username, fullName: users.fullName }).from(users).where(eq(users.id, experiment.ownerId)),
  ]);
  return { ...experiment, variants: variantRows, metricDefinitions: metricRows, owner: ownerRows[0] ?? null };
}
