import { and, asc, eq, inArray } from "drizzle-orm";
import type { Condition } from "@/core/conditions/condition";
import type { Executor } from "@/db/client";
import { experiments, variants } from "@/db/schema";
import type { ExperimentDefinition, VariantDefinition } from "./experiment-definition";

/**
 * ACTIVE experiments (all, or those with the given keys) with their variants in bucket order, for the
 * in-memory definitions cache. Two queries whatever the number of experiments.
 */
export async function loadExperimentDefinitions(db: Executor, keys?: readonly string[]): Promise<ExperimentDefinition[]> {
  if (keys !== undefined && keys.length === 0) return [];
  const rows = await db
    .select({
      id: experiments.id,
      key: experiments.key,
      status: experiments.status,
      experimentType: experiments.experimentType,
      targetingRules: experiments.targetingRules,
    })
    .from(experiments)
    .where(and(eq(experiments.status, "ACTIVE"), keys === undefined ? undefined : inArray(experiments.key, [...keys])))
    .orderBy(asc(experiments.key));
  if (rows.length === 0) return [];
  const variantRows = await db
    .select({
      id: variants.id,
      experimentId: variants.experimentId,
      name: variants.name,
      isControl: variants.isControl,
      trafficAllocation: variants.trafficAllocation,
      configuration: variants.configuration,
    })
    .from(variants)
    .where(inArray(variants.experimentId, rows.map((row) => row.id)))
    .orderBy(asc(variants.createdAt), asc(variants.id));
  const byExperiment = new Map<string, VariantDefinition[]>();
  for (const { experimentId, ...variant } of variantRows) {
    const list = byExperiment.get(experimentId) ?? [];
    list.push(variant);
    byExperiment.set(experimentId, list);
  }
  return rows.map((row) => ({
    ...row,
    // Stored only through the experiment services, which check it with validateCondition.
    targetingRules: row.targetingRules as Condition | null,
    variants: byExperiment.get(row.id) ?? [],
  }));
}
