import { and, eq } from "drizzle-orm";
import { type AssignmentReason, assignExperiment } from "@/core/assignment/assign-experiment";
import { variantUrl } from "@/core/experiments/split-url";
import type { Executor } from "@/db/client";
import { assignments, variants } from "@/db/schema";
import { type StoredAssignments, storedAssignments } from "../../cache/stored-assignments";
import { Invalid } from "../../errors";
import type { ExperimentDefinition, VariantDefinition } from "./experiment-definition";

export interface AssignUserInput {
  /** A cached definition (`loadExperimentDefinitions`); the database is only used to store and read assignments. */
  experiment: ExperimentDefinition;
  userId: string;
  /** The request's attributes, for targeting; stored with a new assignment. */
  context?: Record<string, unknown>;
  /** Assignments this instance has seen stored; the process's cache unless given (tests model other instances). */
  stored?: StoredAssignments;
}

/** One entry of `POST /api/v1/assignments` (DESIGN §7). */
export interface AssignmentAnswer {
  experiment: string;
  inExperiment: boolean;
  /** The variant's name, or null when not enrolled. */
  variant: string | null;
  variantId: string | null;
  configuration: Record<string, unknown> | null;
  /** Split-URL experiments: where to send the user. */
  url: string | null;
  /** BUCKETED: assigned by this call; STICKY: an assignment already stored (possibly by a concurrent call). */
  reason: AssignmentReason;
}

export const MAX_USER_ID_LENGTH = 256;

function enrolled(experiment: ExperimentDefinition, variant: VariantDefinition, reason: AssignmentReason): AssignmentAnswer {
  const configuration = { ...variant.configuration };
  const url = experiment.experimentType === "SPLIT_URL" ? variantUrl(configuration) : null;
  return { experiment: experiment.key, inExperiment: true, variant: variant.name, variantId: variant.id, configuration, url, reason };
}

function notEnrolled(experiment: ExperimentDefinition, reason: AssignmentReason): AssignmentAnswer {
  return { experiment: experiment.key, inExperiment: false, variant: null, variantId: null, configuration: null, url: null, reason };
}

function isForeignKeyViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23503") return true;
  }
  return false;
}

/** The variant of an assignment this instance has already seen stored, without asking the database. */
function rememberedVariant(stored: StoredAssignments, experiment: ExperimentDefinition, userId: string): VariantDefinition | undefined {
  const variantId = stored.get(experiment.id, userId);
  return variantId === undefined ? undefined : experiment.variants.find((variant) => variant.id === variantId);
}

async function storedVariant(db: Executor, stored: StoredAssignments, experiment: ExperimentDefinition, userId: string): Promise<VariantDefinition | null> {
  const remembered = rememberedVariant(stored, experiment, userId);
  if (remembered) return remembered;
  const [row] = await db
    .select({ variantId: assignments.variantId })
    .from(assignments)
    .where(and(eq(assignments.experimentId, experiment.id), eq(assignments.userId, userId)));
  if (!row) return null;
  stored.remember(experiment.id, userId, row.variantId);
  const cached = experiment.variants.find((variant) => variant.id === row.variantId);
  if (cached) return cached;
  // A variant added after the definition was cached: its row is the truth.
  const [fresh] = await db
    .select({ id: variants.id, name: variants.name, isControl: variants.isControl, trafficAllocation: variants.trafficAllocation, configuration: variants.configuration })
    .from(variants)
    .where(eq(variants.id, row.variantId));
  return fresh ?? null;
}

/**
 * Assigns a user to an experiment (DESIGN §5). The decision is `core/assignment`'s; this stores a new
 * assignment with INSERT ... ON CONFLICT DO NOTHING and, when another request (in this or another app
 * instance) stored one first, answers with the stored row, so every request for a user agrees whatever the
 * race. A user outside the traffic is looked up too: an earlier, wider allocation may have enrolled them.
 * Users failing targeting, and experiments that are not ACTIVE, touch no table; nor does a returning
 * user whose assignment this instance has seen (`storedAssignments`).
 */
export async function assignUser(db: Executor, input: AssignUserInput): Promise<AssignmentAnswer> {
  const { experiment, userId } = input;
  if (typeof userId !== "string" || userId === "" || userId.length > MAX_USER_ID_LENGTH) {
    throw new Invalid(`A user id is a non-empty string of at most ${MAX_USER_ID_LENGTH} characters.`, { userId: ["Enter a user id."] });
  }
  const context = input.context ?? {};
  const stored = input.stored ?? storedAssignments();
  const decision = assignExperiment({ experiment, userId, context, weights: experiment.weights });

  if (!decision.inExperiment) {
    if (decision.reason !== "NOT_IN_TRAFFIC") return notEnrolled(experiment, decision.reason);
    const variant = await storedVariant(db, stored, experiment, userId);
    return variant ? enrolled(experiment, variant, "STICKY") : notEnrolled(experiment, decision.reason);
  }

  const remembered = rememberedVariant(stored, experiment, userId);
  if (remembered) return enrolled(experiment, remembered, "STICKY");

  let inserted: { variantId: string }[];
  try {
    inserted = await db
      .insert(assignments)
      .values({ experimentId: experiment.id, variantId: decision.variant.id, userId, context })
      .onConflictDoNothing({ target: [assignments.experimentId, assignments.userId] })
      .returning({ variantId: assignments.variantId });
  } catch (error) {
    // The experiment or variant is gone (a stale cached definition): nobody can be enrolled in it.
    if (isForeignKeyViolation(error)) return notEnrolled(experiment, "NOT_ACTIVE");
    throw error;
  }
  if (inserted.length > 0) {
    stored.remember(experiment.id, userId, decision.variant.id);
    return enrolled(experiment, decision.variant, "BUCKETED");
  }
  // A new statement sees the row the conflicting request committed; the INSERT's own snapshot could not.
  const variant = await storedVariant(db, stored, experiment, userId);
  return variant ? enrolled(experiment, variant, "STICKY") : notEnrolled(experiment, "NOT_ACTIVE");
}

/** `assignUser` for several experiments (the API's list), in the order given. */
export async function assignUserToExperiments(
  db: Executor,
  input: { experiments: readonly ExperimentDefinition[]; userId: string; context?: Record<string, unknown> },
): Promise<AssignmentAnswer[]> {
  const answers: AssignmentAnswer[] = [];
  for (const experiment of input.experiments) {
    answers.push(await assignUser(db, { experiment, userId: input.userId, context: input.context }));
  }
  return answers;
}
