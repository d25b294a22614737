import type { Database } from "@/db/client";
import { redactedMessage } from "../log-error";
import { runBanditReweights } from "../services/bandits/run-bandit-reweights";
import { runScheduledTransitions } from "../services/experiments/run-scheduled-transitions";
import { repeatEvery } from "./repeat";

/** Schedules must take effect within a minute (issue 3); a 15-second tick leaves room for a slow run. */
export const SCHEDULER_INTERVAL_MS = 15_000;

/** Bandits are checked once a minute: their intervals are whole minutes. */
export const BANDIT_CHECK_MS = 60_000;

/**
 * Starts experiments whose start date has come and completes those whose end date has passed. Every
 * app instance runs this; runScheduledTransitions claims each due experiment with a conditional
 * update, so two instances never both transition one experiment. Once a minute it also re-weights the
 * bandits that are due (runBanditReweights locks each one). Returns a function that stops it.
 */
export function startScheduler(db: Database, intervalMs = SCHEDULER_INTERVAL_MS): () => Promise<void> {
  // Blocked drafts are retried every tick; say so once per draft, not four times a minute.
  let reportedBlocked = new Set<string>();
  let banditsCheckedAt = -Infinity;
  return repeatEvery(intervalMs, () => {
    const failed = (job: string) => (error: unknown) => console.error(JSON.stringify({ level: "error", msg: `${job} failed`, error: redactedMessage(error) }));
    const transitions = runScheduledTransitions(db)
      .then((report) => {
        const newlyBlocked = report.blocked.filter((b) => !reportedBlocked.has(b.key));
        reportedBlocked = new Set(report.blocked.map((b) => b.key));
        if (report.started.length || report.completed.length || newlyBlocked.length) {
          console.log(JSON.stringify({ level: "info", msg: "scheduled transitions", started: report.started, completed: report.completed, blocked: newlyBlocked }));
        }
      })
      .catch(failed("scheduler run"));
    // Bandits run beside the transitions, so a failing one never holds the other back.
    const banditsDue = Date.now() - banditsCheckedAt >= Math.max(intervalMs, BANDIT_CHECK_MS);
    if (banditsDue) banditsCheckedAt = Date.now();
    const bandits = banditsDue
      ? runBanditReweights(db)
          .then((report) => {
            if (report.reweighted.length) console.log(JSON.stringify({ level: "info", msg: "bandits re-weighted", reweighted: report.reweighted }));
          })
          .catch(failed("bandit re-weighting"))
      : Promise.resolve();
    return Promise.all([transitions, bandits]).then(() => undefined);
  });
}
