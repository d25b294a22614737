import type { Actor } from "@/core/permissions/permissions";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import { announceChange, type ChangeKind } from "./cache/change-feed";

export interface AuditEntry {
  /** "<entity>.<verb>", e.g. "user.create". */
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Which in-memory cache an audited change makes stale (see cache/change-feed). */
const CACHED: Record<string, ChangeKind> = {
  experiment: "experiment",
  variant: "experiment",
  metric: "experiment",
  feature_flag: "feature_flag",
  feature_flag_override: "feature_flag",
  api_key: "api_key",
  // Admin keys carry their role's permissions, cached with the key.
  role: "role",
  role_permission: "role",
};

/**
 * Writes the audit row. Call it with the transaction that makes the change, so both land or neither.
 * Every change is audited, so this is also where caches hear of it: the NOTIFY is delivered when the
 * same transaction commits, and never if it rolls back.
 */
export async function writeAudit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  const kind = CACHED[entry.entityType];
  if (kind) await announceChange(tx, kind);
  await tx.insert(auditLog).values({
    actorUserId: actor.kind === "user" ? actor.id : null,
    actorApiKeyId: actor.kind === "api_key" ? actor.id : null,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
