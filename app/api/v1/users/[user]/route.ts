import { getUserEndpoint, updateUserEndpoint } from "@/server/api/endpoints/admin/user-endpoints";
import { nextRoute } from "@/server/api/next-adapter";

export const GET = nextRoute(getUserEndpoint.handler());
export const PATCH = nextRoute(updateUserEndpoint.handler());
