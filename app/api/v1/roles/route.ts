import { createRoleEndpoint, listRolesEndpoint } from "@/server/api/endpoints/admin/role-endpoints";
import { nextRoute } from "@/server/api/next-adapter";

export const GET = nextRoute(listRolesEndpoint.handler());
export const POST = nextRoute(createRoleEndpoint.handler());
