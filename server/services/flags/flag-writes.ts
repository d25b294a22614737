/** Writes several flag services share: key conflicts, rule ids, and overrides that must fit the definition. */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FlagRule, FlagVariant } from "@/core/flags/flag-definition";
import { overrideValueProblem } from "@/core/flags/flag-values";
import type { Executor } from "@/db/client";
import { featureFlagOverrides, featureFlags } from "@/db/schema";
import { uniqueViolation } from "../../db-errors";
import { Conflict, Invalid } from "../../errors";
import type { FlagRuleInput } from "./flag.schema";

export function flagKeyTaken(key: string): Conflict {
  return new Conflict(`The key "${key}" is already used by another flag.`, { key: ["This key is already used."] });
}

export async function ensureFlagKeyFree(tx: Executor, key: string): Promise<void> {
  const [taken] = await tx.select({ id: featureFlags.id }).from(featureFlags).where(eq(featureFlags.key, key));
  if (taken) throw flagKeyTaken(key);
}

/** A concurrent insert can still take the key between the check and the write: the unique index decides. */
export function flagKeyConflictFrom(error: unknown, key: string): Conflict | null {
  return uniqueViolation(error) === "feature_flags_key_key" ? flagKeyTaken(key) : null;
}

type ParsedRule = Omit<FlagRuleInput, "condition" | "serve"> & Pick<FlagRule, "condition"> & { serve: string };

/** Rules as stored: each with an id (kept when given, so edits keep naming the same rule), optional fields dropped when empty. */
export function withRuleIds(rules: readonly ParsedRule[]): FlagRule[] {
  return rules.map((rule) => ({
    id: rule.id ?? randomUUID(),
    ...(rule.description ? { description: rule.description } : {}),
    condition: rule.condition,
    serve: rule.serve,
    ...(rule.rolloutPercentage != null ? { rolloutPercentage: rule.rolloutPercentage } : {}),
  }));
}

/**
 * Overrides hold values of the flag's type. Changing the variants (or a boolean flag into a multivariate
 * one) must not leave overrides serving values the flag no longer has, so such a change is refused until
 * those overrides are changed or removed.
 */
export async function ensureOverridesFit(tx: Executor, flagId: string, variants: readonly FlagVariant[] | null): Promise<void> {
  const rows = await tx.select({ userId: featureFlagOverrides.userId, value: featureFlagOverrides.value }).from(featureFlagOverrides).where(eq(featureFlagOverrides.featureFlagId, flagId));
  const misfits = rows.filter((row) => overrideValueProblem({ variants }, row.value) !== null);
  if (misfits.length === 0) return;
  const sample = misfits.slice(0, 3).map((row) => row.userId).join(", ");
  const message = `${misfits.length} override${misfits.length === 1 ? "" : "s"} (${sample}${misfits.length > 3 ? ", ..." : ""}) hold values these variants do not have; change or remove them first.`;
  throw new Invalid(message, { variants: [message] });
}
