import { like } from "drizzle-orm";
import { copyKeyBase, firstFreeCopyKey } from "@/core/experiments/copy-key";
import type { Executor } from "@/db/client";
import { experiments } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { uniqueViolation } from "../../db-errors";
import { validate } from "../validate";
import { type DuplicateExperimentInput, type ExperimentRef, duplicateExperimentSchema } from "./experiment.schema";
import { ensureKeyFree, insertMetrics, insertVariants, keyConflictFrom } from "./experiment-writes";
import { type ExperimentDetail, findExperiment, loadExperimentDetail } from "./load-experiment";

export interface DuplicateExperimentRequest extends DuplicateExperimentInput {
  experiment: ExperimentRef;
}

/** Another instance may take the generated key between our look and our insert; then we look again. */
const KEY_ATTEMPTS = 5;

/** Existing keys a copy of `key` could collide with; `_` is a LIKE wildcard, which only widens the set. */
async function takenCopyKeys(tx: Executor, key: string): Promise<Set<string>> {
  const base = copyKeyBase(key).slice(0, 90).replace(/[%\\]/g, "");
  const rows = await tx.select({ key: experiments.key }).from(experiments).where(like(experiments.key, `${base}%-copy%`));
  return new Set(rows.map((row) => row.key));
}

/**
 * A new DRAFT with the source's settings, variants and metrics, under a fresh key (`<key>-copy`,
 * `<key>-copy-2`... unless one is given). Dates are not copied: the copy has not been scheduled.
 */
export async function duplicateExperiment(ctx: ServiceContext, input: DuplicateExperimentRequest): Promise<ExperimentDetail> {
  authorize(ctx, "experiment", "create");
  const data = validate(duplicateExperimentSchema, { key: input.key, name: input.name });
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction(async (tx) => {
        const source = await loadExperimentDetail(tx, await findExperiment(tx, input.experiment));
        const key = data.key ?? firstFreeCopyKey(source.key, await takenCopyKeys(tx, source.key));
        if (data.key !== undefined) await ensureKeyFree(tx, data.key);
        const [row] = await tx
          .insert(experiments)
          .values({
            key,
            name: data.name ?? `${source.name} (copy)`.slice(0, 200),
            description: source.description,
            hypothesis: source.hypothesis,
            experimentType: source.experimentType,
            ownerId: source.ownerId,
            tags: source.tags,
            targetingRules: source.targetingRules,
            metrics: source.metrics,
          })
          .returning();
        if (!row) throw new Error("insert into experiments returned no row");
        await insertVariants(tx, row.id, source.variants);
        await insertMetrics(tx, row.id, source.metricDefinitions);
        const detail = await loadExperimentDetail(tx, row);
        await writeAudit(tx, ctx.actor, {
          action: "experiment.duplicate",
          entityType: "experiment",
          entityId: row.id,
          after: { ...detail, duplicatedFrom: { id: source.id, key: source.key } },
        });
        return detail;
      });
    } catch (error) {
      if (data.key !== undefined) throw keyConflictFrom(error, data.key) ?? error;
      if (uniqueViolation(error) !== "experiments_key_key" || attempt >= KEY_ATTEMPTS) throw error;
    }
  }
}
