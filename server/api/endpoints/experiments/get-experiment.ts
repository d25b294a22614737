import { getExperiment } from "../../../services/experiments/get-experiment";
import { experimentBodies, experimentJson } from "./experiment-json";
import { managementEndpoint } from "./management-endpoint";
import { experimentPathSchema, experimentRef } from "./request-input";

export const getExperimentEndpoint = managementEndpoint(
  {
    operationId: "getExperiment",
    method: "GET",
    path: "/api/v1/experiments/{key}",
    summary: "Read an experiment",
    description: "The experiment with its variants (in bucket order), metric definitions and owner.",
    tags: ["Experiments"],
    pathParams: experimentPathSchema,
    responses: { 200: { description: "The experiment.", body: experimentBodies.experiment } },
    errors: [404],
  },
  async (ctx, request) => ({ status: 200, body: experimentJson(await getExperiment(ctx, experimentRef(request))) }),
);
