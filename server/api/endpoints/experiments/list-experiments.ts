import { listExperimentsSchema, type ListExperimentsInput } from "../../../services/experiments/experiment-list.schema";
import { listExperiments } from "../../../services/experiments/list-experiments";
import { experimentBodies, experimentPageJson } from "./experiment-json";
import { managementEndpoint, unvalidated } from "./management-endpoint";
import { queryObject } from "./request-input";

export const listExperimentsEndpoint = managementEndpoint(
  {
    operationId: "listExperiments",
    method: "GET",
    path: "/api/v1/experiments",
    summary: "List experiments",
    description:
      "One page of experiments, filtered and sorted. Repeat `status` or `type` to match any of several (`?status=DRAFT&status=ACTIVE`); `search` matches name, key and description.",
    tags: ["Experiments"],
    query: listExperimentsSchema,
    responses: { 200: { description: "The page, with the total over all pages.", body: experimentBodies.page } },
    errors: [422],
  },
  async (ctx, request) => {
    const page = await listExperiments(ctx, unvalidated<ListExperimentsInput>(queryObject(request.url)));
    return { status: 200, body: experimentPageJson(page) };
  },
);
