import { experiments } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { validate } from "../validate";
import { type CreateExperimentInput, createExperimentSchema } from "./experiment.schema";
import { ensureKeyFree, ensureOwnerExists, insertMetrics, insertVariants, keyConflictFrom } from "./experiment-writes";
import { type ExperimentDetail, loadExperimentDetail } from "./load-experiment";

/**
 * Creates a DRAFT experiment with its nested variants and metric definitions, all or nothing. Without an
 * `ownerId`, a signed-in user owns what they create; `ownerId: null` creates it without an owner.
 */
export async function createExperiment(ctx: ServiceContext, input: CreateExperimentInput): Promise<ExperimentDetail> {
  authorize(ctx, "experiment", "create");
  const data = validate(createExperimentSchema, input);
  const ownerId = data.ownerId !== undefined ? data.ownerId : ctx.actor.kind === "user" ? ctx.actor.id : null;
  try {
    return await ctx.db.transaction(async (tx) => {
      await ensureOwnerExists(tx, ownerId);
      await ensureKeyFree(tx, data.key);
      const [row] = await tx
        .insert(experiments)
        .values({
          key: data.key,
          name: data.name,
          description: data.description ?? null,
          hypothesis: data.hypothesis ?? null,
          experimentType: data.experimentType,
          ownerId,
          startDate: data.startDate ?? null,
          endDate: data.endDate ?? null,
          tags: data.tags,
          targetingRules: data.targetingRules ?? null,
          metrics: data.metrics ?? null,
        })
        .returning();
      if (!row) throw new Error("insert into experiments returned no row");
      await insertVariants(tx, row.id, data.variants);
      await insertMetrics(tx, row.id, data.metricDefinitions);
      const detail = await loadExperimentDetail(tx, row);
      await writeAudit(tx, ctx.actor, { action: "experiment.create", entityType: "experiment", entityId: row.id, after: detail });
      return detail;
    });
  } catch (error) {
    throw keyConflictFrom(error, data.key) ?? error;
  }
}
