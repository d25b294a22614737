/**
 * The flag "test a user" answer as the page shows it: the service's result (server/services/flags/
 * test-flag.ts, which runs the SDK endpoints' `evaluateFlag`) made serializable, and in words. Pure.
 */
import type { FlagDecider, FlagReason } from "@/core/flags/evaluate-flag";
import { formatPercentage } from "@/core/experiments/allocation";

export interface FlagTestView {
  enabled: boolean;
  /** Null where the SDKs get no value (a multivariate flag that is off). */
  value: unknown;
  variant: string | null;
  reason: FlagReason;
  decidedBy: FlagDecider;
  rule: { id: string; index: number; description: string | null } | null;
  /** The user's override, whether or not it decided; `active` until it expires. */
  userOverride: { value: unknown; expiresAt: string | null; reason: string | null; active: boolean } | null;
}

/** What decided the answer, in one sentence. */
export function decisionText(view: FlagTestView, rolloutPercentage: number): string {
  switch (view.decidedBy.kind) {
    case "status":
      return "The flag is off, so every user gets the off value (overrides included).";
    case "override":
      return `This user's override${view.userOverride?.reason ? ` (${view.userOverride.reason})` : ""}.`;
    case "rule": {
      const n = view.decidedBy.index + 1;
      const description = view.rule?.description;
      return `Rule ${n}${description ? ` “${description}”` : ""}: the condition matches and the user is within its percentage.`;
    }
    case "rollout":
      return view.reason === "SPLIT"
        ? `No rule decided; the user is within the ${formatPercentage(rolloutPercentage)} rollout.`
        : `No rule decided; the user is outside the ${formatPercentage(rolloutPercentage)} rollout, so gets the default.`;
  }
}

/** A note about an override that exists but did not decide: expired, or the flag is off. */
export function overrideNote(view: FlagTestView): string | null {
  const override = view.userOverride;
  if (!override || view.decidedBy.kind === "override") return null;
  if (!override.active) return "This user has an override that has expired: it is kept for the record and never applied.";
  return "This user has an override, but it applies only while the flag is on.";
}
