import type { Database } from "@/db/client";
import { redactedMessage } from "../log-error";
import { refreshStatistics } from "../services/results/refresh-results";
import { repeatEvery } from "./repeat";

/** Results of running experiments are at most about a minute old (issue #10); on-demand refresh is always there. */
export const RESULTS_REFRESH_INTERVAL_MS = 60_000;

/**
 * Brings the stored statistics of every ACTIVE and PAUSED experiment up to date on a timer. Every app
 * instance runs it; each experiment's refresh takes a per-experiment advisory lock and an instance that
 * finds it taken skips that experiment, so one instance does the work. Returns a function that stops it.
 */
export function startResultsRefresh(db: Database, intervalMs = RESULTS_REFRESH_INTERVAL_MS): () => Promise<void> {
  return repeatEvery(intervalMs, () =>
    refreshStatistics(db).catch((error: unknown) => console.error(JSON.stringify({ level: "error", msg: "results refresh failed", error: redactedMessage(error) }))),
  );
}
