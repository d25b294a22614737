import { listAuditLogEndpoint } from "@/server/api/endpoints/admin/audit-log-endpoint";
import { nextRoute } from "@/server/api/next-adapter";

export const GET = nextRoute(listAuditLogEndpoint.handler());
