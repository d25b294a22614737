import { changeFlagStatusEndpoint } from "@/server/api/endpoints/flags/flag-endpoints";
import { nextRoute } from "@/server/api/next-adapter";

export const POST = nextRoute(changeFlagStatusEndpoint.handler());
