/**
 * The API's OpenAPI document: every documented endpoint, in one place. An endpoint module exports its doc;
 * add it to `documentedEndpoints` (a unit test fails for any route file under app/api/v1 left out).
 */
import { z } from "zod";
import { jsonObjectSchema } from "../../services/experiments/variant-metric.schema";
import { analysisEndpoints } from "../endpoints/analysis/analysis-endpoints";
import { adminEndpoints } from "../endpoints/admin/admin-endpoints";
import { experimentEndpoints } from "../endpoints/experiments/experiment-endpoints";
import { experimentBodies } from "../endpoints/experiments/experiment-json";
import { flagEndpoints } from "../endpoints/flags/flag-endpoints";
import { overrideEndpoints } from "../endpoints/flags/override-endpoints";
import type { ApiHandler } from "../types";
import { type OpenApiDocument, type TagObject, buildOpenApiDocument } from "./build-document";
import { type EndpointDoc, named } from "./endpoint-doc";
import { eventEndpointDocs } from "./event-endpoints";
import { flagSdkEndpointDocs } from "./flag-sdk-endpoints";
import { sdkEndpointDocs } from "./sdk-endpoints";

export const openApiJsonDoc: EndpointDoc = {
  operationId: "getOpenApiDocument",
  method: "GET",
  path: "/api/v1/openapi.json",
  summary: "This API's OpenAPI 3.1 document",
  description: "Public: it describes the API and reveals no data.",
  tags: ["Documentation"],
  security: [],
  responses: { 200: { description: "The document.", body: named("OpenApiDocument", z.record(z.string(), z.unknown())) } },
  errors: [],
};

export const apiTags: readonly TagObject[] = [
  { name: "Experiments", description: "Create, read, change and delete experiments, and move them through their lifecycle." },
  { name: "Variants", description: "An experiment's variants, one at a time." },
  { name: "Metrics", description: "An experiment's metric definitions, one at a time." },
  { name: "Feature flags", description: "Create, read, change and delete feature flags, switch them on and off, and give users overrides." },
  { name: "Users", description: "Accounts, their roles, activation and passwords." },
  { name: "Roles", description: "Roles and the permissions they grant." },
  { name: "API keys", description: "Create, list and revoke API keys." },
  { name: "Audit log", description: "Every change, who made it, and what it changed." },
  { name: "SDK", description: "What SDKs and browsers call with client and server keys." },
  { name: "Analysis", description: "Experiment statistics from summary statistics, and sample-size planning." },
  { name: "Documentation", description: "This document." },
];

export const documentedEndpoints: readonly EndpointDoc[] = [
  ...experimentEndpoints.map((endpoint) => endpoint.doc),
  ...analysisEndpoints.map((endpoint) => endpoint.doc),
  ...[...flagEndpoints, ...overrideEndpoints].map((endpoint) => endpoint.doc),
  ...sdkEndpointDocs,
  ...flagSdkEndpointDocs,
  ...eventEndpointDocs,
  ...adminEndpoints.map((endpoint) => endpoint.doc),
  openApiJsonDoc,
];

let built: OpenApiDocument | null = null;

/** Built on first use and kept: the document changes only with the code. */
export function openApiDocument(): OpenApiDocument {
  built ??= buildOpenApiDocument({
    info: {
      title: "Experimentation platform API",
      version: "1",
      description:
        "JSON with camelCase names under /api/v1. Errors are `{\"error\": {\"code\", \"message\", \"details\"?}}`. Authenticate with `Authorization: Bearer <key>` or `X-API-Key: <key>`; management endpoints also accept the dashboard session.",
    },
    tags: apiTags,
    endpoints: documentedEndpoints,
    // Named so that the recursive JSON value of configurations reads as one component, and nested shapes
    // of the answers as theirs.
    extraSchemas: [named("JsonValue", jsonObjectSchema.valueType), experimentBodies.owner, experimentBodies.listItem],
  });
  return built;
}

/** `GET /api/v1/openapi.json`: public on purpose, needing no key or session; it describes, it reveals no data. */
export const openApiDocumentHandler: ApiHandler = async () => ({
  status: 200,
  body: openApiDocument(),
  headers: { "cache-control": "public, max-age=300" },
});
