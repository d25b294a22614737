import { revokeApiKeyEndpoint } from "@/server/api/endpoints/admin/api-key-endpoints";
import { nextRoute } from "@/server/api/next-adapter";

export const DELETE = nextRoute(revokeApiKeyEndpoint.handler());
