import { deleteExperiment } from "../../../services/experiments/delete-experiment";
import { managementEndpoint } from "./management-endpoint";
import { experimentPathSchema, experimentRef } from "./request-input";

export const deleteExperimentEndpoint = managementEndpoint(
  {
    operationId: "deleteExperiment",
    method: "DELETE",
    path: "/api/v1/experiments/{key}",
    summary: "Delete a draft experiment",
    description: "Deletes a draft with its variants and metrics. An experiment that has run keeps its data for the record: archive it instead (409).",
    tags: ["Experiments"],
    pathParams: experimentPathSchema,
    responses: { 204: { description: "Deleted." } },
    errors: [404, 409],
  },
  async (ctx, request) => {
    await deleteExperiment(ctx, experimentRef(request));
    return { status: 204 };
  },
);
