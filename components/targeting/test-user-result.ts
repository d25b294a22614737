/**
 * The "test a user" answer, computed with `assignExperiment` from core, the code the assignment API runs,
 * so the panel cannot disagree with what a real request would get (for a user with no stored assignment).
 */

import { type ExperimentStatus, assignExperiment } from "@/core/assignment/assign-experiment";
import type { HashVersion } from "@/core/assignment/hash";
import { type Attributes, type Condition, isPlainObject } from "@/core/conditions/condition";

export interface TestableVariant {
  id: string;
  name: string;
  /** Percentage (0–100) of all eligible users. */
  trafficAllocation: number;
}

export interface TestableExperiment {
  key: string;
  status: ExperimentStatus;
  targetingRules: Condition | null;
  hashVersion?: HashVersion;
  variants: readonly TestableVariant[];
}

export type TestUserResult =
  | { kind: "invalid"; field: "userId" | "context"; message: string }
  | { kind: "enrolled"; message: string }
  | { kind: "not-enrolled"; message: string }
  | { kind: "not-active"; message: string };

const TARGETING_MISS = "targeting does not match";
const NOT_IN_TRAFFIC = "outside the experiment's traffic";

export function testUser(experiment: TestableExperiment, userId: string, contextText: string): TestUserResult {
  if (userId.trim() === "") return { kind: "invalid", field: "userId", message: "Enter a user id." };
  const context = parseContext(contextText);
  if (typeof context === "string") return { kind: "invalid", field: "context", message: context };

  const assignment = assignExperiment({ experiment, userId, context });
  if (assignment.inExperiment) return { kind: "enrolled", message: `Enrolled in variant ${assignment.variant.name}` };
  if (assignment.reason === "TARGETING_MISS") return { kind: "not-enrolled", message: `Not enrolled: ${TARGETING_MISS}` };
  if (assignment.reason === "NOT_IN_TRAFFIC") return { kind: "not-enrolled", message: `Not enrolled: ${NOT_IN_TRAFFIC}` };

  // Not active: also say what the same code answers once the experiment runs.
  const onceActive = assignExperiment({ experiment: { ...experiment, status: "ACTIVE" }, userId, context });
  const wouldBe = onceActive.inExperiment
    ? `would enroll in ${onceActive.variant.name} once active`
    : `would not enroll once active: ${onceActive.reason === "TARGETING_MISS" ? TARGETING_MISS : NOT_IN_TRAFFIC}`;
  return { kind: "not-active", message: `Experiment is not active (${wouldBe})` };
}

/** The context object, or a message saying what is wrong with the text. Empty text is no attributes. */
export function parseContext(text: string): Attributes | string {
  if (text.trim() === "") return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `The context is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!isPlainObject(json)) return 'The context must be a JSON object, such as {"country": "US", "plan": "pro"}.';
  return json;
}
