import { eq } from "drizzle-orm";
import { isKeyMutable } from "@/core/experiments/lifecycle";
import { experiments } from "@/db/schema";
import { writeAudit } from "../../audit";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { Invalid } from "../../errors";
import { validate } from "../validate";
import {
  type ExperimentRef,
  type UpdateExperimentData,
  type UpdateExperimentInput,
  dateOrderMessage,
  datesInOrder,
  updateExperimentSchema,
} from "./experiment.schema";
import { assertConfigurationEditable } from "./frozen-configuration";
import { ensureKeyFree, ensureOwnerExists, keyConflictFrom, recordTrafficNarrowing } from "./experiment-writes";
import { type ExperimentDetail, type ExperimentRow, findExperiment, loadExperimentDetail } from "./load-experiment";
import { syncVariants } from "./sync-variants";
import { assertVariantSet } from "./variant-checks";

export interface UpdateExperimentRequest {
  experiment: ExperimentRef;
  /** Only the fields to change; `variants`, when given, is the complete list (see `syncVariants`). */
  changes: UpdateExperimentInput;
}

type FieldChanges = Partial<Omit<typeof experiments.$inferInsert, "id" | "createdAt" | "updatedAt" | "status">>;

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The experiment columns whose requested value differs from the stored one. */
function changedFields(row: ExperimentRow, data: UpdateExperimentData): FieldChanges {
  const { variants: _variants, ...fields } = data;
  const changed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && !sameValue(row[name as keyof ExperimentRow], value)) changed[name] = value;
  }
  return changed as FieldChanges;
}

/**
 * Changes some fields of an experiment (and, with `variants`, its whole variant list) in one transaction.
 * The key and the type only change while the experiment is a draft: the key seeds every user's bucket and
 * names the experiment in SDKs, and the type decides how results are read.
 */
export async function updateExperiment(ctx: ServiceContext, input: UpdateExperimentRequest): Promise<ExperimentDetail> {
  authorize(ctx, "experiment", "update");
  const data = validate(updateExperimentSchema, input.changes);
  try {
    return await ctx.db.transaction(async (tx) => {
      const experiment = await findExperiment(tx, input.experiment, { lock: true });
      const before = await loadExperimentDetail(tx, experiment);
      const changes = changedFields(experiment, data);
      assertConfigurationEditable(experiment, [...Object.keys(changes), ...(data.variants !== undefined ? ["variants"] : [])]);

      if (changes.key !== undefined && !isKeyMutable(experiment.status)) {
        throw new Invalid(`The key of an experiment that has left draft (this one is ${experiment.status}) cannot change: SDKs and stored assignments use it.`, {
          key: ["The key cannot change once the experiment has left draft."],
        });
      }
      if (changes.experimentType !== undefined && experiment.status !== "DRAFT") {
        throw new Invalid(`The type of an experiment that has left draft (this one is ${experiment.status}) cannot change.`, {
          experimentType: ["The type cannot change once the experiment has left draft."],
        });
      }
      const startDate = changes.startDate !== undefined ? changes.startDate : experiment.startDate;
      const endDate = changes.endDate !== undefined ? changes.endDate : experiment.endDate;
      if (!datesInOrder(startDate, endDate)) throw new Invalid(dateOrderMessage(), { endDate: [dateOrderMessage()] });
      if (changes.ownerId !== undefined) await ensureOwnerExists(tx, changes.ownerId);
      if (changes.key !== undefined) await ensureKeyFree(tx, changes.key);

      const experimentType = changes.experimentType ?? experiment.experimentType;
      let variantsChanged = false;
      if (data.variants !== undefined) {
        variantsChanged = await syncVariants(tx, experiment, before.variants, data.variants, experimentType);
        if (variantsChanged) await recordTrafficNarrowing(tx, experiment, before.variants);
      } else if (changes.experimentType === "SPLIT_URL") {
        // Becoming split-URL: the variants already there must carry their URLs.
        assertVariantSet(experimentType, before.variants, (problem) =>
          problem.field === "configuration.url" ? `variants.${problem.index}.configuration.url` : null,
        );
      }

      if (Object.keys(changes).length === 0 && !variantsChanged) return before;
      const [row] = await tx
        .update(experiments)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(experiments.id, experiment.id))
        .returning();
      if (!row) throw new Error("update of experiments returned no row");
      const after = await loadExperimentDetail(tx, row);
      await writeAudit(tx, ctx.actor, { action: "experiment.update", entityType: "experiment", entityId: row.id, before, after });
      return after;
    });
  } catch (error) {
    throw (data.key !== undefined ? keyConflictFrom(error, data.key) : null) ?? error;
  }
}
