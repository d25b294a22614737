import { removeVariant } from "../../../services/experiments/remove-variant";
import { managementEndpoint } from "./management-endpoint";
import { experimentRef, pathParam, variantPathSchema } from "./request-input";

export const removeVariantEndpoint = managementEndpoint(
  {
    operationId: "removeVariant",
    method: "DELETE",
    path: "/api/v1/experiments/{key}/variants/{variantId}",
    summary: "Remove a variant",
    description: "Refused while the experiment is running or paused, or once users are assigned to the variant.",
    tags: ["Variants"],
    pathParams: variantPathSchema,
    responses: { 204: { description: "Removed." } },
    errors: [404, 409],
  },
  async (ctx, request) => {
    await removeVariant(ctx, { experiment: experimentRef(request), variantId: pathParam(request, "variantId") });
    return { status: 204 };
  },
);
