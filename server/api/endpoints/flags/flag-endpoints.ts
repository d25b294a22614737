/** The flag management endpoints (DESIGN §7), on the same services as the flag pages. */
import { type ChangeFlagStatusRequest, changeFlagStatus } from "../../../services/flags/change-flag-status";
import { createFlag } from "../../../services/flags/create-flag";
import { deleteFlag } from "../../../services/flags/delete-flag";
import type { CreateFlagInput, UpdateFlagInput } from "../../../services/flags/flag.schema";
import { listFlagsSchema, type ListFlagsInput } from "../../../services/flags/flag-list.schema";
import { getFlag } from "../../../services/flags/get-flag";
import { listFlags } from "../../../services/flags/list-flags";
import { updateFlag } from "../../../services/flags/update-flag";
import { managementEndpoint, unvalidated } from "../experiments/management-endpoint";
import { queryObject } from "../experiments/request-input";
import { flagBodies, flagJson, flagPageJson } from "./flag-json";
import { flagPathSchema, flagRef, flagRequests } from "./request-input";

const tags = ["Feature flags"];

export const listFlagsEndpoint = managementEndpoint(
  {
    operationId: "listFlags",
    method: "GET",
    path: "/api/v1/flags",
    summary: "List feature flags",
    description:
      "One page of flags, filtered and sorted, each with its number of rules and of active overrides. Repeat `status` to match several; `search` matches key, name and description.",
    tags,
    query: listFlagsSchema,
    responses: { 200: { description: "The page, with the total over all pages.", body: flagBodies.page } },
    errors: [422],
  },
  async (ctx, request) => ({ status: 200, body: flagPageJson(await listFlags(ctx, unvalidated<ListFlagsInput>(queryObject(request.url)))) }),
);

export const createFlagEndpoint = managementEndpoint(
  {
    operationId: "createFlag",
    method: "POST",
    path: "/api/v1/flags",
    summary: "Create a feature flag",
    description:
      "Creates a flag, INACTIVE unless `status` says otherwise. Leave `variants` out for a boolean flag; give `[{key, value, weight}]` (weights summing to 100) for a multivariate one. Rules apply in order; each serves `on`, `off` or a variant key to the share of matching users its `rolloutPercentage` says.",
    tags,
    body: flagRequests.create,
    responses: { 201: { description: "The created flag.", body: flagBodies.flag, headers: { Location: "The flag's URL." } } },
    errors: [400, 409, 413, 422],
  },
  async (ctx, request) => {
    const created = await createFlag(ctx, unvalidated<CreateFlagInput>(request.body));
    return { status: 201, body: flagJson(created), headers: { location: `/api/v1/flags/${encodeURIComponent(created.key)}` } };
  },
);

export const getFlagEndpoint = managementEndpoint(
  {
    operationId: "getFlag",
    method: "GET",
    path: "/api/v1/flags/{key}",
    summary: "Read a feature flag",
    description: "The flag with its rules, variants, owner and override counts.",
    tags,
    pathParams: flagPathSchema,
    responses: { 200: { description: "The flag.", body: flagBodies.flag } },
    errors: [404],
  },
  async (ctx, request) => ({ status: 200, body: flagJson(await getFlag(ctx, flagRef(request))) }),
);

export const updateFlagEndpoint = managementEndpoint(
  {
    operationId: "updateFlag",
    method: "PATCH",
    path: "/api/v1/flags/{key}",
    summary: "Change a feature flag",
    description:
      "Changes only the fields sent; `null` clears a nullable field (`variants: null` makes the flag boolean). `targetingRules` and `variants`, when sent, are complete lists. The key never changes. Variants that existing overrides' values would no longer match are refused (422).",
    tags,
    pathParams: flagPathSchema,
    body: flagRequests.update,
    responses: { 200: { description: "The flag as it is now.", body: flagBodies.flag } },
    errors: [400, 404, 413, 422],
  },
  async (ctx, request) => ({
    status: 200,
    body: flagJson(await updateFlag(ctx, { flag: flagRef(request), changes: unvalidated<UpdateFlagInput>(request.body) })),
  }),
);

export const deleteFlagEndpoint = managementEndpoint(
  {
    operationId: "deleteFlag",
    method: "DELETE",
    path: "/api/v1/flags/{key}",
    summary: "Delete a feature flag",
    description: "Deletes the flag and its overrides; the answer says how many overrides went with it. SDKs asking for it afterwards get FLAG_NOT_FOUND.",
    tags,
    pathParams: flagPathSchema,
    responses: { 200: { description: "What was deleted.", body: flagBodies.deleted } },
    errors: [404],
  },
  async (ctx, request) => ({ status: 200, body: await deleteFlag(ctx, flagRef(request)) }),
);

export const changeFlagStatusEndpoint = managementEndpoint(
  {
    operationId: "changeFlagStatus",
    method: "POST",
    path: "/api/v1/flags/{key}/status",
    summary: "Switch a feature flag on or off",
    description: "`ACTIVE` evaluates the flag's overrides, rules and rollout; `INACTIVE` serves everyone off (reason DISABLED).",
    tags,
    pathParams: flagPathSchema,
    body: flagRequests.status,
    responses: { 200: { description: "What happened, and the flag as it is now.", body: flagBodies.statusChange } },
    errors: [400, 404, 413, 422],
  },
  async (ctx, request) => {
    // The service checks permission before it validates, so a caller without the right learns nothing from a bad body.
    const { status } = unvalidated<{ status: ChangeFlagStatusRequest["status"] }>(request.body ?? {});
    const result = await changeFlagStatus(ctx, { flag: flagRef(request), status });
    return { status: 200, body: { outcome: result.outcome, flag: flagJson(result.flag) } };
  },
);

export const flagEndpoints = [listFlagsEndpoint, createFlagEndpoint, getFlagEndpoint, updateFlagEndpoint, deleteFlagEndpoint, changeFlagStatusEndpoint];
