import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "../db/client";
import { migrateUp } from "../db/migrate/runner";
import { experiments } from "../db/schema";
import { createApiKey } from "../server/services/api-keys/create-api-key";
import { changeExperimentStatus } from "../server/services/experiments/change-experiment-status";
import { createExperiment } from "../server/services/experiments/create-experiment";
import { readyExperiment } from "../server/services/experiments/experiment-fixtures";
import { systemContext } from "../server/services/testing";

/** Every eligible user enrolled, half in each variant. */
export const FULL_EXPERIMENT = "bench-full";
/** 20% coverage (10% per variant): most users are outside the traffic. */
export const PARTIAL_EXPERIMENT = "bench-20";

/**
 * Migrates the bench database and makes sure both experiments are ACTIVE (a PostgreSQL bench database
 * may be reused across runs); answers a new client key.
 */
export async function seedFastPath(handle: DatabaseHandle): Promise<{ key: string }> {
  await migrateUp(handle.runner);
  const ctx = systemContext(handle.db);
  for (const [key, allocation] of [[FULL_EXPERIMENT, 50], [PARTIAL_EXPERIMENT, 10]] as const) {
    const [existing] = await handle.db.select({ status: experiments.status }).from(experiments).where(eq(experiments.key, key));
    if (existing?.status === "ACTIVE") continue;
    if (!existing) {
      await createExperiment(ctx, readyExperiment(key, {
        variants: [
          { name: "control", isControl: true, trafficAllocation: allocation },
          { name: "treatment", trafficAllocation: allocation },
        ],
      }));
    }
    await changeExperimentStatus(ctx, { experiment: { key }, status: "ACTIVE" });
  }
  const { key } = await createApiKey(ctx, { name: `bench ${new Date().toISOString()}`, type: "client" });
  return { key };
}
