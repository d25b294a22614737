import { createUserEndpoint, listUsersEndpoint } from "@/server/api/endpoints/admin/user-endpoints";
import { nextRoute } from "@/server/api/next-adapter";

export const GET = nextRoute(listUsersEndpoint.handler());
export const POST = nextRoute(createUserEndpoint.handler());
