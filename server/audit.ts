import type { Actor } from "@/core/permissions/permissions";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";

export interface AuditEntry {
  /** "<entity>.<verb>", e.g. "user.create". */
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes the audit row. Call it with the transaction that makes the change, so both land or neither. */
export async function writeAudit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
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
