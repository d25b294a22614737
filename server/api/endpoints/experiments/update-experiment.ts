import type { UpdateExperimentInput } from "../../../services/experiments/experiment.schema";
import { updateExperiment } from "../../../services/experiments/update-experiment";
import { experimentBodies, experimentJson } from "./experiment-json";
import { managementEndpoint, unvalidated } from "./management-endpoint";
import { experimentPathSchema, experimentRef, experimentRequests } from "./request-input";

export const updateExperimentEndpoint = managementEndpoint(
  {
    operationId: "updateExperiment",
    method: "PATCH",
    path: "/api/v1/experiments/{key}",
    summary: "Change an experiment",
    description:
      "Changes only the fields sent; `null` clears a nullable field. `variants`, when sent, is the complete list: entries with an `id` update that variant, entries without one are added, and variants left out are removed. The key and the type change only while the experiment is a draft.",
    tags: ["Experiments"],
    pathParams: experimentPathSchema,
    body: experimentRequests.update,
    responses: { 200: { description: "The experiment as it is now.", body: experimentBodies.experiment } },
    errors: [400, 404, 409, 413, 422],
  },
  async (ctx, request) => {
    const changes = unvalidated<UpdateExperimentInput>(request.body);
    return { status: 200, body: experimentJson(await updateExperiment(ctx, { experiment: experimentRef(request), changes })) };
  },
);
