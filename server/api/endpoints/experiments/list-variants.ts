import { getExperiment } from "../../../services/experiments/get-experiment";
import { experimentBodies, variantJson } from "./experiment-json";
import { managementEndpoint } from "./management-endpoint";
import { experimentPathSchema, experimentRef } from "./request-input";

export const listVariantsEndpoint = managementEndpoint(
  {
    operationId: "listVariants",
    method: "GET",
    path: "/api/v1/experiments/{key}/variants",
    summary: "List an experiment's variants",
    description: "In bucket order: the order that decides each variant's slice of the hash space.",
    tags: ["Variants"],
    pathParams: experimentPathSchema,
    responses: { 200: { description: "The variants.", body: experimentBodies.variants } },
    errors: [404],
  },
  async (ctx, request) => {
    const experiment = await getExperiment(ctx, experimentRef(request));
    return { status: 200, body: { data: experiment.variants.map(variantJson) } };
  },
);
