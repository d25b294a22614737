/** `/api/v1/roles`: the same services as the Roles page (DESIGN §7). */
import { z } from "zod";
import { createRole } from "../../../services/roles/create-role";
import { deleteRole } from "../../../services/roles/delete-role";
import { listRoles } from "../../../services/roles/list-roles";
import { type CreateRoleInput, type UpdateRoleInput, createRoleSchema, roleNameSchema, updateRoleSchema } from "../../../services/roles/role.schema";
import { updateRole } from "../../../services/roles/update-role";
import { NotFound } from "../../../errors";
import { named } from "../../openapi/endpoint-doc";
import { managementEndpoint, unvalidated } from "../experiments/management-endpoint";
import { pathParam } from "../experiments/request-input";
import { adminBodies, roleJson } from "./admin-json";

const rolePath = z.object({ name: roleNameSchema.describe("The role's name.") });

export const listRolesEndpoint = managementEndpoint(
  {
    operationId: "listRoles",
    method: "GET",
    path: "/api/v1/roles",
    summary: "List roles",
    description: "Every role with its permissions and how many users and admin keys hold it. Roles are few: one answer, no pages.",
    tags: ["Roles"],
    responses: { 200: { description: "The roles.", body: adminBodies.roleList } },
    errors: [],
  },
  async (ctx) => ({ status: 200, body: { roles: (await listRoles(ctx)).map(roleJson) } }),
);

export const createRoleEndpoint = managementEndpoint(
  {
    operationId: "createRole",
    method: "POST",
    path: "/api/v1/roles",
    summary: "Create a role",
    description: "A custom role with `resource:action` permissions. Nobody creates a role with permissions they lack.",
    tags: ["Roles"],
    body: named("NewRole", createRoleSchema),
    responses: { 201: { description: "The role.", body: adminBodies.role, headers: { Location: "The role's URL." } } },
    errors: [400, 409, 413, 422],
  },
  async (ctx, request) => {
    const role = await createRole(ctx, unvalidated<CreateRoleInput>(request.body));
    return { status: 201, body: roleJson(role), headers: { location: `/api/v1/roles/${encodeURIComponent(role.name)}` } };
  },
);

export const getRoleEndpoint = managementEndpoint(
  {
    operationId: "getRole",
    method: "GET",
    path: "/api/v1/roles/{name}",
    summary: "Read a role",
    tags: ["Roles"],
    pathParams: rolePath,
    responses: { 200: { description: "The role.", body: adminBodies.role } },
    errors: [404],
  },
  async (ctx, request) => {
    const name = pathParam(request, "name");
    const role = (await listRoles(ctx)).find((r) => r.name === name);
    if (!role) throw new NotFound(`No role "${name}".`);
    return { status: 200, body: roleJson(role) };
  },
);

export const updateRoleEndpoint = managementEndpoint(
  {
    operationId: "updateRole",
    method: "PATCH",
    path: "/api/v1/roles/{name}",
    summary: "Change a role",
    description:
      "Changes the description and (the complete list of) permissions. Takes effect at once for the role's users and admin keys, on every instance. Built-in roles cannot be emptied; nobody adds a permission they lack.",
    tags: ["Roles"],
    pathParams: rolePath,
    body: named("RoleChanges", updateRoleSchema),
    responses: { 200: { description: "The role as it is now.", body: adminBodies.role } },
    errors: [400, 404, 413, 422],
  },
  async (ctx, request) => {
    const role = await updateRole(ctx, { role: pathParam(request, "name"), changes: unvalidated<UpdateRoleInput>(request.body) });
    return { status: 200, body: roleJson(role) };
  },
);

export const deleteRoleEndpoint = managementEndpoint(
  {
    operationId: "deleteRole",
    method: "DELETE",
    path: "/api/v1/roles/{name}",
    summary: "Delete a custom role",
    description:
      "Built-in roles cannot be deleted. A role held by users or admin keys answers 409 saying how many, unless `?confirm=true`: then its users lose it and its admin keys are deleted.",
    tags: ["Roles"],
    pathParams: rolePath,
    query: z.object({ confirm: z.enum(["true", "false"]).optional().describe("`true` deletes a role that is in use.") }),
    responses: { 204: { description: "Deleted." } },
    errors: [404, 409, 422],
  },
  async (ctx, request) => {
    await deleteRole(ctx, { role: pathParam(request, "name"), confirm: request.url.searchParams.get("confirm") === "true" });
    return { status: 204 };
  },
);
