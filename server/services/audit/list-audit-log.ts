import { desc } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { type Page, pageBounds } from "../pagination";

export interface AuditRow {
  id: string;
  createdAt: Date;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
}

/** Newest first; filters arrive with the audit log issue. */
export async function listAuditLog(ctx: ServiceContext, input: { page?: unknown; pageSize?: unknown } = {}): Promise<Page<AuditRow>> {
  authorize(ctx, "audit_log", "read");
  const { page, pageSize, offset } = pageBounds(input);
  const [rows, total] = await Promise.all([
    ctx.db
      .select({ id: auditLog.id, createdAt: auditLog.createdAt, actorLabel: auditLog.actorLabel, action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId })
      .from(auditLog)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(pageSize)
      .offset(offset),
    ctx.db.$count(auditLog),
  ]);
  return { rows, total, page, pageSize };
}
