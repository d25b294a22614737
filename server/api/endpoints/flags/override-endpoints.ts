/** A flag's per-user overrides over the management API (DESIGN §7). */
import { bulkUpsertOverrides } from "../../../services/flags/bulk-upsert-overrides";
import { listOverrides } from "../../../services/flags/list-overrides";
import { type BulkUpsertOverridesInput, listOverridesSchema, type ListOverridesInput, type UpsertOverrideInput } from "../../../services/flags/override.schema";
import { removeOverride } from "../../../services/flags/remove-override";
import { upsertOverride } from "../../../services/flags/upsert-override";
import { managementEndpoint, unvalidated } from "../experiments/management-endpoint";
import { queryObject } from "../experiments/request-input";
import { flagBodies, overrideJson } from "./flag-json";
import { flagPathSchema, flagRef, flagRequests, overridePathSchema } from "./request-input";

const tags = ["Feature flags"];

export const listOverridesEndpoint = managementEndpoint(
  {
    operationId: "listFlagOverrides",
    method: "GET",
    path: "/api/v1/flags/{key}/overrides",
    summary: "List a flag's overrides",
    description: "One page of the flag's overrides by user id. `state=active` or `state=expired` filters; expired overrides are kept for the record and never applied.",
    tags,
    pathParams: flagPathSchema,
    query: listOverridesSchema,
    responses: { 200: { description: "The page.", body: flagBodies.overrides } },
    errors: [404, 422],
  },
  async (ctx, request) => {
    const page = await listOverrides(ctx, { ...unvalidated<ListOverridesInput>(queryObject(request.url)), flag: flagRef(request) });
    return { status: 200, body: { data: page.rows.map(overrideJson), page: page.page, pageSize: page.pageSize, total: page.total } };
  },
);

function isBulk(body: unknown): body is BulkUpsertOverridesInput {
  return typeof body === "object" && body !== null && "userIds" in body;
}

export const upsertOverrideEndpoint = managementEndpoint(
  {
    operationId: "upsertFlagOverride",
    method: "POST",
    path: "/api/v1/flags/{key}/overrides",
    summary: "Give users an override",
    description:
      "With `userId`: creates or replaces that user's override (201 when created, 200 when replaced). With `userIds` (a list, or text with one id per line or separated by commas): gives every one of them the same value, reason and expiry, all or nothing. The value must fit the flag: `true`/`false` for a boolean flag, one of its variants' values for a multivariate one. `expiresAt` must lie ahead; the override stops applying at that instant.",
    tags,
    pathParams: flagPathSchema,
    body: flagRequests.override,
    responses: {
      200: { description: "Replaced (one user), or the bulk counts.", body: flagBodies.overrideWrite },
      201: { description: "Created (one user).", body: flagBodies.overrideWrite },
    },
    errors: [400, 404, 413, 422],
  },
  async (ctx, request) => {
    if (isBulk(request.body)) return { status: 200, body: await bulkUpsertOverrides(ctx, { ...request.body, flag: flagRef(request) }) };
    const result = await upsertOverride(ctx, { ...unvalidated<UpsertOverrideInput>(request.body), flag: flagRef(request) });
    return { status: result.created ? 201 : 200, body: { override: overrideJson(result.override), created: result.created } };
  },
);

export const removeOverrideEndpoint = managementEndpoint(
  {
    operationId: "removeFlagOverride",
    method: "DELETE",
    path: "/api/v1/flags/{key}/overrides/{userId}",
    summary: "Remove a user's override",
    description: "From the next evaluation on, the user gets what the flag's rules and rollout give them.",
    tags,
    pathParams: overridePathSchema,
    responses: { 204: { description: "Removed." } },
    errors: [404],
  },
  async (ctx, request) => {
    await removeOverride(ctx, { flag: flagRef(request), userId: request.params.userId ?? "" });
    return { status: 204 };
  },
);

export const overrideEndpoints = [listOverridesEndpoint, upsertOverrideEndpoint, removeOverrideEndpoint];
