import { deleteRoleEndpoint, getRoleEndpoint, updateRoleEndpoint } from "@/server/api/endpoints/admin/role-endpoints";
import { nextRoute } from "@/server/api/next-adapter";

export const GET = nextRoute(getRoleEndpoint.handler());
export const PATCH = nextRoute(updateRoleEndpoint.handler());
export const DELETE = nextRoute(deleteRoleEndpoint.handler());
