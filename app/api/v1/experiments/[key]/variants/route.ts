import { addVariantEndpoint } from "@/server/api/endpoints/experiments/add-variant";
import { listVariantsEndpoint } from "@/server/api/endpoints/experiments/list-variants";
import { nextRoute } from "@/server/api/next-adapter";

export const GET = nextRoute(listVariantsEndpoint.handler());
export const POST = nextRoute(addVariantEndpoint.handler());
