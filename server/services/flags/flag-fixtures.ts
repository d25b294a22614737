/** Inputs for flag tests: a boolean flag with a rule and a multivariate one, and audit lookups. */
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { CreateFlagInput } from "./flag.schema";

export function booleanFlag(key: string, overrides: Partial<CreateFlagInput> = {}): CreateFlagInput {
  return {
    key,
    name: `Flag ${key}`,
    status: "ACTIVE",
    rolloutPercentage: 25,
    targetingRules: [{ id: "beta-testers", description: "Beta plan", condition: { plan: "beta" }, serve: "on" }],
    ...overrides,
  };
}

export function colorFlag(key: string, overrides: Partial<CreateFlagInput> = {}): CreateFlagInput {
  return {
    key,
    name: `Colors ${key}`,
    status: "ACTIVE",
    rolloutPercentage: 100,
    variants: [
      { key: "red", value: "#f00", weight: 25 },
      { key: "blue", value: { hex: "#00f" }, weight: 75 },
    ],
    ...overrides,
  };
}

export function flagAudit(db: Database, entityId: string) {
  return db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(asc(auditLog.createdAt), asc(auditLog.id));
}
