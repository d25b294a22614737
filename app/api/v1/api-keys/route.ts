import { createApiKeyEndpoint, listApiKeysEndpoint } from "@/server/api/endpoints/admin/api-key-endpoints";
import { nextRoute } from "@/server/api/next-adapter";

export const GET = nextRoute(listApiKeysEndpoint.handler());
export const POST = nextRoute(createApiKeyEndpoint.handler());
