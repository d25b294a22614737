import { addVariant } from "../../../services/experiments/add-variant";
import type { VariantInput } from "../../../services/experiments/experiment.schema";
import { experimentBodies, variantJson } from "./experiment-json";
import { managementEndpoint, unvalidated } from "./management-endpoint";
import { experimentPathSchema, experimentRef, experimentRequests } from "./request-input";

export const addVariantEndpoint = managementEndpoint(
  {
    operationId: "addVariant",
    method: "POST",
    path: "/api/v1/experiments/{key}/variants",
    summary: "Add a variant",
    description:
      "Adds a variant after the existing ones. Checked with the rest of the set: a taken name, a second control, a total allocation above 100% or a missing split URL is a 422 on the new variant's field.",
    tags: ["Variants"],
    pathParams: experimentPathSchema,
    body: experimentRequests.newVariant,
    responses: { 201: { description: "The new variant.", body: experimentBodies.variant } },
    errors: [400, 404, 413, 422],
  },
  async (ctx, request) => {
    const variant = await addVariant(ctx, { experiment: experimentRef(request), variant: unvalidated<VariantInput>(request.body) });
    return { status: 201, body: variantJson(variant) };
  },
);
