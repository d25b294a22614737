import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Condition } from "@/core/conditions/condition";
import type { Executor } from "@/db/client";
import { banditAllocations, experiments, variants } from "@/db/schema";
import type { ExperimentDefinition, VariantDefinition } from "./experiment-definition";

/**
 * ACTIVE experiments (all, or those with the given keys) with their variants in bucket order, for the
 * in-memory definitions cache, with bandits' current weights. At most three queries whatever the number of experiments.
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
      trafficNarrowedAt: experiments.trafficNarrowedAt,
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
  const weights = await latestBanditWeights(db, rows.filter((r) => r.experimentType === "BANDIT").map((r) => r.id));
  return rows.map(({ trafficNarrowedAt, ...row }) => {
    const variantList = byExperiment.get(row.id) ?? [];
    const current = weights.get(row.id);
    return {
      ...row,
      trafficNarrowed: trafficNarrowedAt !== null,
      // Stored only through the experiment services, which check it with validateCondition.
      targetingRules: row.targetingRules as Condition | null,
      variants: variantList,
      ...(current ? { weights: variantList.map((v) => current.get(v.id) ?? 0) } : {}),
    };
  });
}

/**
 * The newest re-weighting of each bandit experiment (bandit_allocations.allocations holds
 * `[{variantId, weight}]`, weights in percent of all eligible users, like traffic_allocation). A
 * bandit that has not been re-weighted yet assigns by its traffic allocations.
 */
async function latestBanditWeights(db: Executor, experimentIds: string[]): Promise<Map<string, Map<string, number>>> {
  const result = new Map<string, Map<string, number>>();
  if (experimentIds.length === 0) return result;
  const rows = await db
    .selectDistinctOn([banditAllocations.experimentId], { experimentId: banditAllocations.experimentId, allocations: banditAllocations.allocations })
    .from(banditAllocations)
    .where(inArray(banditAllocations.experimentId, experimentIds))
    .orderBy(banditAllocations.experimentId, desc(banditAllocations.createdAt), desc(banditAllocations.id));
  for (const row of rows) {
    const byVariant = new Map<string, number>();
    for (const entry of row.allocations) {
      if (typeof entry.variantId === "string" && typeof entry.weight === "number" && Number.isFinite(entry.weight)) byVariant.set(entry.variantId, entry.weight);
    }
    result.set(row.experimentId, byVariant);
  }
  return result;
}
