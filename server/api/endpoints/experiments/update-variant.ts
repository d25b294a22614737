import type { UpdateVariantInput } from "../../../services/experiments/experiment.schema";
import { updateVariant } from "../../../services/experiments/update-variant";
import { experimentBodies, variantJson } from "./experiment-json";
import { managementEndpoint, unvalidated } from "./management-endpoint";
import { experimentRef, experimentRequests, pathParam, variantPathSchema } from "./request-input";

export const updateVariantEndpoint = managementEndpoint(
  {
    operationId: "updateVariant",
    method: "PATCH",
    path: "/api/v1/experiments/{key}/variants/{variantId}",
    summary: "Change a variant",
    description: "Changes only the fields sent, checked with the rest of the set as it will be. To move the control, first clear it on the current control.",
    tags: ["Variants"],
    pathParams: variantPathSchema,
    body: experimentRequests.variantChanges,
    responses: { 200: { description: "The variant as it is now.", body: experimentBodies.variant } },
    errors: [400, 404, 413, 422],
  },
  async (ctx, request) => {
    const changes = unvalidated<UpdateVariantInput>(request.body);
    const variant = await updateVariant(ctx, { experiment: experimentRef(request), variantId: pathParam(request, "variantId"), changes });
    return { status: 200, body: variantJson(variant) };
  },
);
