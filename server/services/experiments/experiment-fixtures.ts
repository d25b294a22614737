/** Inputs for experiment tests: a complete experiment that passes every start guard, and audit lookups. */
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { CreateExperimentInput } from "./experiment.schema";

export function readyExperiment(key: string, overrides: Partial<CreateExperimentInput> = {}): CreateExperimentInput {
  return {
    key,
    name: `Experiment ${key}`,
    experimentType: "A_B",
    variants: [
      { name: "control", isControl: true, trafficAllocation: 50 },
      { name: "treatment", trafficAllocation: 50, configuration: { color: "green" } },
    ],
    metricDefinitions: [{ name: "Purchases", eventName: "purchase", metricType: "CONVERSION", isPrimary: true }],
    ...overrides,
  };
}

export function auditRows(db: Database, entityId: string) {
  return db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(asc(auditLog.createdAt), asc(auditLog.id));
}
