import { createExperiment } from "../../../services/experiments/create-experiment";
import type { CreateExperimentInput } from "../../../services/experiments/experiment.schema";
import { experimentBodies, experimentJson } from "./experiment-json";
import { managementEndpoint, unvalidated } from "./management-endpoint";
import { experimentRequests } from "./request-input";

export const createExperimentEndpoint = managementEndpoint(
  {
    operationId: "createExperiment",
    method: "POST",
    path: "/api/v1/experiments",
    summary: "Create an experiment",
    description:
      "Creates a DRAFT experiment with its nested `variants` and `metricDefinitions`, all or nothing. Without `ownerId`, a signed-in user owns it; an API key creates it without an owner.",
    tags: ["Experiments"],
    body: experimentRequests.create,
    responses: {
      201: { description: "The created experiment.", body: experimentBodies.experiment, headers: { Location: "The experiment's URL." } },
    },
    errors: [400, 409, 413, 422],
  },
  async (ctx, request) => {
    const created = await createExperiment(ctx, unvalidated<CreateExperimentInput>(request.body));
    return { status: 201, body: experimentJson(created), headers: { location: `/api/v1/experiments/${encodeURIComponent(created.key)}` } };
  },
);
