import { type FlagEvaluation, evaluateFlag } from "@/core/flags/evaluate-flag";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { validate } from "../validate";
import type { FlagRef } from "./flag.schema";
import { findFlag, findOverride, toEvaluableFlag } from "./load-flag";
import { type TestFlagInput, testFlagSchema } from "./override.schema";

export interface TestFlagRequest extends TestFlagInput {
  flag: FlagRef;
}

export interface FlagTestResult extends Omit<FlagEvaluation, "value"> {
  /** Null where the SDKs get no value (a multivariate flag that is off): they keep their default. */
  value: unknown;
  /** The rule that decided, with its description, when a rule did. */
  rule: { id: string; index: number; description: string | null } | null;
  /** The user's override, when there is one: applied or not (expired, or the flag is off). */
  userOverride: { value: unknown; expiresAt: Date | null; reason: string | null } | null;
}

/**
 * "Test a user": what the SDK endpoints would answer for this user and context, decided by the same
 * `evaluateFlag`. It reads the stored flag rather than the SDK cache, so it shows a change at once.
 */
export async function testFlag(ctx: ServiceContext, input: TestFlagRequest): Promise<FlagTestResult> {
  authorize(ctx, "feature_flag", "read");
  const { flag: ref, ...fields } = input;
  const data = validate(testFlagSchema, fields);
  return ctx.db.transaction(async (tx) => {
    const flag = await findFlag(tx, ref);
    const override = await findOverride(tx, flag.id, data.userId);
    const result = evaluateFlag({ flag: toEvaluableFlag(flag), userId: data.userId, context: data.context, override, now: new Date() });
    const decider = result.decidedBy;
    const rule = decider.kind === "rule" ? flag.targetingRules[decider.index] : undefined;
    return {
      ...result,
      value: result.value === undefined ? null : result.value,
      rule: decider.kind === "rule" ? { id: decider.ruleId, index: decider.index, description: rule?.description ?? null } : null,
      userOverride: override ? { value: override.value, expiresAt: override.expiresAt, reason: override.reason } : null,
    };
  });
}
