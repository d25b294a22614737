import { type SQL, and, desc, eq, gte, ilike, lte, or, sql } from "drizzle-orm";
import { auditLog } from "@/db/schema";
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

// Written out with table aliases: Drizzle leaves column names unqualified in a one-table select, which
// makes them ambiguous inside these correlated subqueries. Constant text, no input in it.
const A = `"experimentation"."audit_log"`;
const recorded = (field: string) => `coalesce(${A}."after"->>'${field}', ${A}."before"->>'${field}')`;
const current = (table: string, column: string) =>
  `(select t."${column}" from "experimentation"."${table}" t where t."id"::text = ${A}."entity_id")`;
const ofExperiment = (table: string) =>
  `(select e."key" from "experimentation"."${table}" t join "experimentation"."experiments" e on e."id" = t."experiment_id" where t."id"::text = ${A}."entity_id")`;

/** The entity's current name, looked up by type; a deleted entity keeps the name its audit row recorded. */
const entityName = sql<string | null>`${sql.raw(`coalesce(
  case ${A}."entity_type"
    when 'experiment' then ${current("experiments", "key")}
    when 'feature_flag' then ${current("feature_flags", "key")}
    when 'user' then ${current("users", "username")}
    when 'role' then ${current("roles", "name")}
    when 'api_key' then ${current("api_keys", "name")}
    when 'variant' then ${current("variants", "name")}
    when 'metric' then ${current("metrics", "name")}
  end,
  ${recorded("key")}, ${recorded("username")}, ${recorded("name")})`)}`;

/** Variants and metrics are shown on their experiment's page. */
const parentKey = sql<string | null>`${sql.raw(`case ${A}."entity_type"
    when 'variant' then ${ofExperiment("variants")}
    when 'metric' then ${ofExperiment("metrics")}
  end`)}`;

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
