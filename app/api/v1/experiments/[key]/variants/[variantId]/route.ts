import { removeVariantEndpoint } from "@/server/api/endpoints/experiments/remove-variant";
import { updateVariantEndpoint } from "@/server/api/endpoints/experiments/update-variant";
import { nextRoute } from "@/server/api/next-adapter";

export const PATCH = nextRoute(updateVariantEndpoint.handler());
export const DELETE = nextRoute(removeVariantEndpoint.handler());
