import { type ListAuditLogInput, listAuditLogSchema } from "../../../services/audit/audit-log.schema";
import { listAuditLog } from "../../../services/audit/list-audit-log";
import { managementEndpoint, unvalidated } from "../experiments/management-endpoint";
import { queryObject } from "../experiments/request-input";
import { adminBodies, auditEntryJson, pageJson } from "./admin-json";

export const listAuditLogEndpoint = managementEndpoint(
  {
    operationId: "listAuditLog",
    method: "GET",
    path: "/api/v1/audit-log",
    summary: "Read the audit log",
    description:
      "Every change, newest first, with who made it and the entity before and after. Filters: `actor` (username, key name or `system`), `entityType`, `entity` (id or name), `action` (exact, or a family such as `user.`), `from` and `to` (dates or ISO-8601 times).",
    tags: ["Audit log"],
    query: listAuditLogSchema,
    responses: { 200: { description: "The page.", body: adminBodies.auditPage } },
    errors: [422],
  },
  async (ctx, request) => ({ status: 200, body: pageJson(await listAuditLog(ctx, unvalidated<ListAuditLogInput>(queryObject(request.url))), auditEntryJson) }),
);
