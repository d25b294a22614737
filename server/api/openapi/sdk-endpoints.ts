/**
 * The SDK endpoints' docs (DESIGN §7). Request schemas are the ones their handlers validate with
 * (`endpoints/assignments.schema.ts`); the answers are described here, and a unit test checks that the
 * services' answer types fit these schemas.
 */
import { z } from "zod";
import { assignmentsRequestSchema, redirectQuerySchema } from "../endpoints/assignments.schema";
import { experimentKeySchema } from "../../services/experiments/experiment.schema";
import { type EndpointDoc, named } from "./endpoint-doc";
import type { SecuritySchemeName } from "./security-schemes";

export const ASSIGNMENT_REASONS = ["BUCKETED", "STICKY", "NOT_IN_TRAFFIC", "TARGETING_MISS", "NOT_ACTIVE"] as const;

export const assignmentAnswerSchema = z.object({
  experiment: z.string().describe("The experiment's key, as asked for."),
  inExperiment: z.boolean(),
  variant: z.string().nullable().describe("The variant's name; null when the user is not enrolled."),
  variantId: z.uuid().nullable(),
  configuration: z.record(z.string(), z.unknown()).nullable().describe("The variant's configuration; null when not enrolled."),
  url: z.string().nullable().describe("Split-URL experiments: where to send the user."),
  reason: z
    .enum(ASSIGNMENT_REASONS)
    .describe(
      "`BUCKETED`: assigned by this call. `STICKY`: an assignment stored earlier. `NOT_IN_TRAFFIC`, `TARGETING_MISS`: not enrolled. `NOT_ACTIVE`: the experiment is not running (or no such key).",
    ),
});

export const assignmentsResponseSchema = z.object({ assignments: z.array(assignmentAnswerSchema) });

const SDK_KEYS: readonly SecuritySchemeName[] = ["clientKey", "serverKey", "adminKey"];

export const assignmentsDoc: EndpointDoc = {
  operationId: "assignUser",
  method: "POST",
  path: "/api/v1/assignments",
  summary: "Assign a user to experiments",
  description:
    "The user's variant in each listed experiment, or in every ACTIVE one when `experiments` is left out. Assignments are sticky: the first one stored for a user is the answer from then on. A listed key that is not a running experiment is answered with `NOT_ACTIVE`, not refused.",
  tags: ["SDK"],
  security: SDK_KEYS,
  body: named("AssignmentRequest", assignmentsRequestSchema),
  responses: { 200: { description: "One answer per experiment.", body: named("AssignmentResponse", assignmentsResponseSchema) } },
  errors: [400, 401, 413, 422],
};

export const splitUrlRedirectDoc: EndpointDoc = {
  operationId: "redirectToVariant",
  method: "GET",
  path: "/r/{experimentKey}",
  summary: "Send a user to their split-URL variant",
  description:
    "Assigns the user like `POST /api/v1/assignments` and redirects to their variant's URL; a user who is not enrolled goes to the control's URL. A link cannot carry headers, so a client key may come as `?key=`.",
  tags: ["SDK"],
  security: [...SDK_KEYS, "keyQuery"],
  pathParams: z.object({ experimentKey: experimentKeySchema.describe("The split-URL experiment's key.") }),
  query: redirectQuerySchema,
  responses: { 302: { description: "To the variant's page.", headers: { Location: "The variant's URL (an absolute http(s) URL)." } } },
  errors: [401, 404, 409, 422],
};

export const sdkEndpointDocs: readonly EndpointDoc[] = [assignmentsDoc, splitUrlRedirectDoc];
