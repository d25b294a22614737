import { type SQL, and, desc, eq, gte, ilike, lte, or, sql } from "drizzle-orm";
import { apiKeys, auditLog, experiments, featureFlags, metrics, roles, users, variants } from "@/db/schema";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import type { Page } from "../pagination";
import { likePattern } from "../users/list-users";
import { validate } from "../validate";
import { type ListAuditLogInput, boundary, listAuditLogSchema } from "./audit-log.schema";

export interface AuditRow {
  id: string;
  createdAt: Date;
  actorLabel: string;
  actorKind: "user" | "api_key" | "system";
  action: string;
  entityType: string;
  entityId: string | null;
  /** The entity's name today (experiment or flag key, username, role or key name), else as it was recorded. */
  entityName: string | null;
  /** For variants and metrics: the key of their experiment, which is where they are shown. */
  parentKey: string | null;
  before: unknown;
  after: unknown;
}

const recorded = (field: string) => sql`coalesce(${auditLog.after}->>${field}, ${auditLog.before}->>${field})`;

/** The entity's current name, looked up by type; a deleted entity keeps the name its audit row recorded. */
const entityName = sql<string | null>`coalesce(
  case ${auditLog.entityType}
    when 'experiment' then (select ${experiments.key} from ${experiments} where ${experiments.id}::text = ${auditLog.entityId})
    when 'feature_flag' then (select ${featureFlags.key} from ${featureFlags} where ${featureFlags.id}::text = ${auditLog.entityId})
    when 'user' then (select ${users.username} from ${users} where ${users.id}::text = ${auditLog.entityId})
    when 'role' then (select ${roles.name} from ${roles} where ${roles.id}::text = ${auditLog.entityId})
    when 'api_key' then (select ${apiKeys.name} from ${apiKeys} where ${apiKeys.id}::text = ${auditLog.entityId})
    when 'variant' then (select ${variants.name} from ${variants} where ${variants.id}::text = ${auditLog.entityId})
    when 'metric' then (select ${metrics.name} from ${metrics} where ${metrics.id}::text = ${auditLog.entityId})
  end,
  ${recorded("key")}, ${recorded("username")}, ${recorded("name")})`;

const parentKey = sql<string | null>`case ${auditLog.entityType}
    when 'variant' then (select ${experiments.key} from ${variants} join ${experiments} on ${experiments.id} = ${variants.experimentId} where ${variants.id}::text = ${auditLog.entityId})
    when 'metric' then (select ${experiments.key} from ${metrics} join ${experiments} on ${experiments.id} = ${metrics.experimentId} where ${metrics.id}::text = ${auditLog.entityId})
  end`;

/** Newest first, filtered by actor, entity type, entity (id or name), action (exact or `prefix.`), and time. */
export async function listAuditLog(ctx: ServiceContext, input: ListAuditLogInput = {}): Promise<Page<AuditRow>> {
  authorize(ctx, "audit_log", "read");
  const q = validate(listAuditLogSchema, input);
  const conditions: (SQL | undefined)[] = [];
  if (q.actor) conditions.push(sql`lower(${auditLog.actorLabel}) = lower(${q.actor})`);
  if (q.entityType) conditions.push(eq(auditLog.entityType, q.entityType));
  if (q.entity) conditions.push(or(eq(auditLog.entityId, q.entity), sql`lower(${entityName}) = lower(${q.entity})`));
  if (q.action) conditions.push(q.action.endsWith(".") ? ilike(auditLog.action, `${likePattern(q.action).slice(1)}`) : eq(auditLog.action, q.action));
  if (q.from) conditions.push(gte(auditLog.createdAt, boundary(q.from, "start")));
  if (q.to) conditions.push(lte(auditLog.createdAt, boundary(q.to, "end")));
  const where = and(...conditions);
  const [rows, total] = await Promise.all([
    ctx.db
      .select({
        id: auditLog.id,
        createdAt: auditLog.createdAt,
        actorLabel: auditLog.actorLabel,
        actorUserId: auditLog.actorUserId,
        actorApiKeyId: auditLog.actorApiKeyId,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        entityName,
        parentKey,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.$count(auditLog, where),
  ]);
  return {
    rows: rows.map(({ actorUserId, actorApiKeyId, ...row }) => ({
      ...row,
      actorKind: actorApiKeyId ? "api_key" : actorUserId ? "user" : "system",
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
