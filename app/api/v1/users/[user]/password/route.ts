import { resetUserPasswordEndpoint } from "@/server/api/endpoints/admin/user-endpoints";
import { nextRoute } from "@/server/api/next-adapter";

export const POST = nextRoute(resetUserPasswordEndpoint.handler());
