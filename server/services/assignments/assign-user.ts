import { and, eq, inArray } from "drizzle-orm";
import { type AssignmentReason, assignExperiment } from "@/core/assignment/assign-experiment";
import { variantUrl } from "@/core/experiments/split-url";
import type { Executor } from "@/db/client";
import { assignments, variants } from "@/db/schema";
import { type StoredAssignments, storedAssignments } from "../../cache/stored-assignments";
import { Invalid } from "../../errors";
import { assignmentWriter } from "./insert-assignments";
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

/** The variant of an assignment this instance has already seen stored, without asking the database. */
function rememberedVariant(stored: StoredAssignments, experiment: ExperimentDefinition, userId: string): VariantDefinition | undefined {
  const variantId = stored.get(experiment.id, userId);
  return variantId === undefined ? undefined : experiment.variants.find((variant) => variant.id === variantId);
}

/** A stored assignment's variant: the cached one, or, for a variant added after the definition was cached, its row. */
function variantOf(db: Executor, experiment: ExperimentDefinition, variantId: string): VariantDefinition | Promise<VariantDefinition | null> {
  return experiment.variants.find((variant) => variant.id === variantId) ?? freshVariant(db, variantId);
}

async function freshVariant(db: Executor, variantId: string): Promise<VariantDefinition | null> {
  const [fresh] = await db
    .select({ id: variants.id, name: variants.name, isControl: variants.isControl, trafficAllocation: variants.trafficAllocation, configuration: variants.configuration })
    .from(variants)
    .where(eq(variants.id, variantId));
  return fresh ?? null;
}

/**
 * Whether a user outside the traffic may still hold an assignment: only if the traffic was ever narrowed
 * while the experiment ran, or a bandit was re-weighted (its weights move ranges at every re-weighting).
 */
function mayHoldAssignmentOutsideTraffic(experiment: ExperimentDefinition): boolean {
  return experiment.trafficNarrowed || experiment.weights !== undefined;
}

export interface AssignUserToExperimentsInput {
  experiments: readonly ExperimentDefinition[];
  userId: string;
  context?: Record<string, unknown>;
  /** Assignments this instance has seen stored; the process's cache unless given (tests model other instances). */
  stored?: StoredAssignments;
}

function checkUserId(userId: unknown): asserts userId is string {
  if (typeof userId !== "string" || userId === "" || userId.length > MAX_USER_ID_LENGTH) {
    throw new Invalid(`A user id is a non-empty string of at most ${MAX_USER_ID_LENGTH} characters.`, { userId: ["Enter a user id."] });
  }
}

/**
 * Assigns a user to experiments (DESIGN §5), answering in the order given. The decision is
 * `core/assignment`'s; the database is touched only where memory cannot answer, and at most twice per
 * request whatever the number of experiments:
 * - a returning user whose assignment this instance has seen (`storedAssignments`), users failing
 *   targeting, and experiments that are not ACTIVE touch no table, and are answered at once (not with a
 *   promise: the SDK fast path writes them in the turn the request arrived);
 * - users outside the traffic are looked up, in one query for all such experiments, only where the
 *   traffic was ever narrowed while the experiment ran (otherwise no stored row can exist);
 * - new assignments go to the process's write batcher, which stores those of concurrent requests with one
 *   multi-row INSERT ... ON CONFLICT DO NOTHING; when another request (in this or another instance) stored
 *   one first, the answer is the stored row, so every request for a user agrees whatever the race.
 */
export function assignUserToExperiments(db: Executor, input: AssignUserToExperimentsInput): AssignmentAnswer[] | Promise<AssignmentAnswer[]> {
  const { userId } = input;
  checkUserId(userId);
  const context = input.context ?? {};
  const stored = input.stored ?? storedAssignments();
  const answers: AssignmentAnswer[] = new Array(input.experiments.length);
  const lookups: number[] = [];
  const writes: Array<{ index: number; variant: VariantDefinition }> = [];

  input.experiments.forEach((experiment, index) => {
    const decision = assignExperiment({ experiment, userId, context, weights: experiment.weights });
    if (!decision.inExperiment && decision.reason !== "NOT_IN_TRAFFIC") {
      answers[index] = notEnrolled(experiment, decision.reason);
      return;
    }
    const remembered = rememberedVariant(stored, experiment, userId);
    if (remembered) answers[index] = enrolled(experiment, remembered, "STICKY");
    else if (decision.inExperiment) writes.push({ index, variant: decision.variant });
    else if (mayHoldAssignmentOutsideTraffic(experiment)) lookups.push(index);
    else answers[index] = notEnrolled(experiment, "NOT_IN_TRAFFIC");
  });

  // The common case (returning users, users outside a never-narrowed traffic) needs no database at all.
  if (lookups.length === 0 && writes.length === 0) return answers;
  return completeFromDatabase(db, { ...input, userId, context, stored }, answers, lookups, writes);
}

/** The answers memory could not give: stored rows looked up, new assignments written. */
async function completeFromDatabase(
  db: Executor,
  input: Required<Pick<AssignUserToExperimentsInput, "experiments" | "userId" | "context" | "stored">>,
  answers: AssignmentAnswer[],
  lookups: number[],
  writes: Array<{ index: number; variant: VariantDefinition }>,
): Promise<AssignmentAnswer[]> {
  const { userId, context, stored } = input;
  const settle = (index: number, variant: VariantDefinition | null, reason: "STICKY" | "BUCKETED", otherwise: AssignmentReason) => {
    const experiment = input.experiments[index]!;
    if (variant) stored.remember(experiment.id, userId, variant.id);
    answers[index] = variant ? enrolled(experiment, variant, reason) : notEnrolled(experiment, otherwise);
  };
  // A promise only for a variant missing from the cached definition (added since it was loaded).
  const answerStored = (index: number, variantId: string | null, reason: "STICKY" | "BUCKETED", otherwise: AssignmentReason): void | Promise<void> => {
    const variant = variantId === null ? null : variantOf(db, input.experiments[index]!, variantId);
    if (variant instanceof Promise) return variant.then((fresh) => settle(index, fresh, reason, otherwise));
    settle(index, variant, reason, otherwise);
  };

  const writer = assignmentWriter(db);
  await Promise.all([
    (async () => {
      if (lookups.length === 0) return;
      const ids = lookups.map((index) => input.experiments[index]!.id);
      const rows = await db
        .select({ experimentId: assignments.experimentId, variantId: assignments.variantId })
        .from(assignments)
        .where(and(eq(assignments.userId, userId), inArray(assignments.experimentId, ids)));
      const byExperiment = new Map(rows.map((row) => [row.experimentId, row.variantId]));
      await Promise.all(lookups.map((index) => answerStored(index, byExperiment.get(input.experiments[index]!.id) ?? null, "STICKY", "NOT_IN_TRAFFIC")));
    })(),
    ...writes.map(async ({ index, variant }) => {
      const experiment = input.experiments[index]!;
      const result = await writer.submit({ experimentId: experiment.id, variantId: variant.id, userId, context });
      // Gone: the experiment or variant was deleted behind a stale cached definition.
      await answerStored(index, result?.variantId ?? null, result?.inserted ? "BUCKETED" : "STICKY", "NOT_ACTIVE");
    }),
  ]);
  return answers;
}

/** Assigns a user to one experiment: `assignUserToExperiments` for a list of one. */
export async function assignUser(db: Executor, input: AssignUserInput): Promise<AssignmentAnswer> {
  const [answer] = await assignUserToExperiments(db, { experiments: [input.experiment], userId: input.userId, context: input.context, stored: input.stored });
  if (!answer) throw new Error("assignment answered nothing for one experiment");
  return answer;
}
