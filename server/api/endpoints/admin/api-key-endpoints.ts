/** `/api/v1/api-keys`: the same services as the API keys page (DESIGN §7). */
import { z } from "zod";
import { type CreateApiKeyInput, createApiKeySchema } from "../../../services/api-keys/api-key.schema";
import { createApiKey } from "../../../services/api-keys/create-api-key";
import { listApiKeys } from "../../../services/api-keys/list-api-keys";
import { apiKeyIdSchema, revokeApiKey } from "../../../services/api-keys/revoke-api-key";
import { pageQuerySchema } from "../../../services/pagination";
import { named } from "../../openapi/endpoint-doc";
import { managementEndpoint, unvalidated } from "../experiments/management-endpoint";
import { pathParam, queryObject } from "../experiments/request-input";
import { adminBodies, apiKeyJson, createdApiKeyJson, pageJson } from "./admin-json";

export const listApiKeysEndpoint = managementEndpoint(
  {
    operationId: "listApiKeys",
    method: "GET",
    path: "/api/v1/api-keys",
    summary: "List API keys",
    description: "Newest first, by prefix (the keys themselves are never stored), with type, role, owner, last use, expiry and revocation.",
    tags: ["API keys"],
    query: pageQuerySchema,
    responses: { 200: { description: "The page.", body: adminBodies.apiKeyPage } },
    errors: [],
  },
  async (ctx, request) => ({ status: 200, body: pageJson(await listApiKeys(ctx, queryObject(request.url)), apiKeyJson) }),
);

export const createApiKeyEndpoint = managementEndpoint(
  {
    operationId: "createApiKey",
    method: "POST",
    path: "/api/v1/api-keys",
    summary: "Create an API key",
    description:
      "Client keys evaluate, assign and track; server keys also download configuration; admin keys manage, with the permissions of their `role` (default `admin`). Nobody creates a key with permissions they lack. The `key` is in this answer only.",
    tags: ["API keys"],
    body: named("NewApiKey", createApiKeySchema),
    responses: { 201: { description: "The key, shown once.", body: adminBodies.createdApiKey } },
    errors: [400, 413, 422],
  },
  async (ctx, request) => ({ status: 201, body: createdApiKeyJson(await createApiKey(ctx, unvalidated<CreateApiKeyInput>(request.body))) }),
);

export const revokeApiKeyEndpoint = managementEndpoint(
  {
    operationId: "revokeApiKey",
    method: "DELETE",
    path: "/api/v1/api-keys/{id}",
    summary: "Revoke an API key",
    description: "Every instance refuses the key within a second, the SDK fast path included. Revoking a revoked key answers the same.",
    tags: ["API keys"],
    pathParams: z.object({ id: apiKeyIdSchema.describe("The key's id.") }),
    responses: { 204: { description: "Revoked." } },
    errors: [404, 422],
  },
  async (ctx, request) => {
    await revokeApiKey(ctx, { id: pathParam(request, "id") });
    return { status: 204 };
  },
);
