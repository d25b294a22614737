import { type ChangeExperimentStatusRequest, StartGuardsFailed, changeExperimentStatus } from "../../../services/experiments/change-experiment-status";
import { errorResponse } from "../../error-response";
import { experimentBodies, statusChangeJson } from "./experiment-json";
import { managementEndpoint, unvalidated } from "./management-endpoint";
import { experimentPathSchema, experimentRef, experimentRequests } from "./request-input";

export const changeExperimentStatusEndpoint = managementEndpoint(
  {
    operationId: "changeExperimentStatus",
    method: "POST",
    path: "/api/v1/experiments/{key}/status",
    summary: "Start, pause, resume, complete or archive an experiment",
    description:
      "Moves the experiment along its lifecycle. A move the lifecycle does not allow is a 409. A start or resume whose guards fail is a 422 whose `details.guards` lists each failed guard (`variant_count`, `single_control`, `allocation_total`, `primary_metric`, `split_urls`, `end_date`) with its field and message.",
    tags: ["Experiments"],
    pathParams: experimentPathSchema,
    body: experimentRequests.status,
    responses: { 200: { description: "What happened, and the experiment as it is now.", body: experimentBodies.statusChange } },
    errors: [400, 404, 409, 413, 422],
  },
  async (ctx, request) => {
    // The service checks permission before it validates: a caller who may not change the experiment
    // learns nothing from the body's errors (the permission suite holds every endpoint to this).
    const body = unvalidated<{ status?: ChangeExperimentStatusRequest["status"] } | null>(request.body);
    const status = unvalidated<ChangeExperimentStatusRequest["status"]>(body && typeof body === "object" ? body.status : undefined);
    try {
      return { status: 200, body: statusChangeJson(await changeExperimentStatus(ctx, { experiment: experimentRef(request), status })) };
    } catch (error) {
      if (!(error instanceof StartGuardsFailed)) throw error;
      // The guards' names let a client say which checklist item is unmet without parsing messages.
      return errorResponse(error.status, error.code, error.message, { fields: error.fieldErrors, guards: error.failures });
    }
  },
);
