/**
 * The flag SDK endpoints' docs (DESIGN §7): `POST /api/v1/flags/evaluate`, `GET /api/v1/sdk/config`, and
 * OFREP's endpoints, whose normative description is OFREP's own document (OpenFeature Remote
 * Evaluation Protocol 0.3.0); the schemas here summarize it for this API's reference page.
 */
import { z } from "zod";
import { flagEvaluationRequestSchema, flagEvaluationResponseSchema } from "../endpoints/flag-evaluation.schema";
import { type EndpointDoc, named } from "./endpoint-doc";
import type { SecuritySchemeName } from "./security-schemes";

const SDK_KEYS: readonly SecuritySchemeName[] = ["clientKey", "serverKey", "adminKey"];

const ofrepRequest = named(
  "OfrepEvaluationRequest",
  z.object({ context: z.object({ targetingKey: z.string().describe("The user id.") }).catchall(z.unknown()).describe("The user's attributes, which rules' conditions read.") }),
);

const ofrepEvaluation = z.object({
  key: z.string(),
  value: z.unknown().optional().describe("Absent when a multivariate flag is off: use the code's default."),
  reason: z.enum(["STATIC", "TARGETING_MATCH", "SPLIT", "DISABLED", "UNKNOWN"]).optional().describe("STATIC: the flag's default (`metadata.reason` DEFAULT)."),
  variant: z.string().optional(),
  metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  errorCode: z.enum(["PARSE_ERROR", "TARGETING_KEY_MISSING", "INVALID_CONTEXT", "GENERAL", "FLAG_NOT_FOUND"]).optional(),
  errorDetails: z.string().optional(),
});

export const ofrepFlagDoc: EndpointDoc = {
  operationId: "ofrepEvaluateFlag",
  method: "POST",
  path: "/ofrep/v1/evaluate/flags/{key}",
  summary: "OFREP: evaluate one flag",
  description:
    "For OpenFeature's OFREP providers (server side). 400 answers `{key, errorCode, errorDetails}` with PARSE_ERROR, INVALID_CONTEXT or TARGETING_KEY_MISSING; an unknown flag is 404 FLAG_NOT_FOUND.",
  tags: ["SDK"],
  security: SDK_KEYS,
  pathParams: z.object({ key: z.string().describe("The flag's key.") }),
  body: ofrepRequest,
  responses: { 200: { description: "The flag's value for the user.", body: named("OfrepEvaluation", ofrepEvaluation) } },
  errors: [400, 401, 403, 404, 413],
};

export const ofrepBulkDoc: EndpointDoc = {
  operationId: "ofrepEvaluateFlags",
  method: "POST",
  path: "/ofrep/v1/evaluate/flags",
  summary: "OFREP: evaluate every flag",
  description:
    "For OpenFeature's OFREP providers (web and mobile). Sends an `ETag`; a request with that value in `If-None-Match` gets 304 while the answer would be the same. `eventStreams` names a Server-Sent Events URL that announces `refetchEvaluation` within a second of any flag change.",
  tags: ["SDK"],
  security: SDK_KEYS,
  body: ofrepRequest,
  responses: {
    200: {
      description: "Every flag's value for the user.",
      headers: { ETag: "Changes exactly when this answer would." },
      body: named(
        "OfrepBulkEvaluation",
        z.object({
          flags: z.array(ofrepEvaluation),
          eventStreams: z.array(z.object({ type: z.literal("sse"), url: z.string(), inactivityDelaySec: z.int() })),
          metadata: z.object({ version: z.string() }),
        }),
      ),
    },
    304: { description: "Not modified since the ETag sent in `If-None-Match`." },
  },
  errors: [400, 401, 403, 413],
};

export const ofrepEventsDoc: EndpointDoc = {
  operationId: "ofrepEventStream",
  method: "GET",
  path: "/ofrep/v1/events",
  summary: "OFREP: flag change events (Server-Sent Events)",
  description:
    'OFREP 0.3.0 event stream: `data: {"type":"refetchEvaluation","etag":"<version>"}` after every flag change, and a `: heartbeat` comment every 15 seconds. Use the URL the bulk answer gives; the key may be in it (`?key=`), since browsers\' EventSource sends no headers.',
  tags: ["SDK"],
  security: [...SDK_KEYS, "keyQuery"],
  query: z.object({ version: z.string().optional().describe("The version last fetched: a stream opened after a change announces it at once.") }),
  responses: { 200: { description: "`text/event-stream`, open until the client leaves." } },
  errors: [401, 403],
};

export const flagEvaluationDoc: EndpointDoc = {
  operationId: "evaluateFlags",
  method: "POST",
  path: "/api/v1/flags/evaluate",
  summary: "Evaluate flags for a user",
  description: "The listed flags, or every flag, for one user and context. A listed key that is not a flag answers `reason: ERROR, errorCode: FLAG_NOT_FOUND`.",
  tags: ["SDK"],
  security: SDK_KEYS,
  body: named("FlagEvaluationRequest", flagEvaluationRequestSchema),
  responses: { 200: { description: "One answer per flag, by key.", body: named("FlagEvaluationResponse", flagEvaluationResponseSchema) } },
  errors: [400, 401, 413, 422],
};

export const sdkConfigDoc: EndpointDoc = {
  operationId: "getSdkConfig",
  method: "GET",
  path: "/api/v1/sdk/config",
  summary: "Download flag and experiment definitions",
  description: "Every ACTIVE flag (rules, variants, unexpired overrides) and ACTIVE experiment, for SDKs that evaluate locally. Sends an `ETag`; `If-None-Match` with it gets 304 until something changes.",
  tags: ["SDK"],
  security: ["serverKey", "adminKey"],
  responses: {
    200: {
      description: "The definitions.",
      headers: { ETag: "Changes whenever a definition does." },
      body: named("SdkConfig", z.object({ flags: z.array(z.record(z.string(), z.unknown())), experiments: z.array(z.record(z.string(), z.unknown())) })),
    },
    304: { description: "Not modified since the ETag sent in `If-None-Match`." },
  },
  errors: [401, 403],
};

export const flagSdkEndpointDocs: readonly EndpointDoc[] = [flagEvaluationDoc, sdkConfigDoc, ofrepFlagDoc, ofrepBulkDoc, ofrepEventsDoc];
