/** `/api/v1/users`: the same services as the Users page (DESIGN §7). */
import { z } from "zod";
import { createUser } from "../../../services/users/create-user";
import { getUser } from "../../../services/users/get-user";
import { listUsers } from "../../../services/users/list-users";
import { resetUserPassword } from "../../../services/users/reset-user-password";
import { updateUser } from "../../../services/users/update-user";
import {
  type CreateUserInput,
  type ListUsersInput,
  type ResetPasswordInput,
  type UpdateUserInput,
  createUserSchema,
  listUsersSchema,
  resetPasswordSchema,
  updateUserSchema,
  userRefSchema,
} from "../../../services/users/user.schema";
import { named } from "../../openapi/endpoint-doc";
import { managementEndpoint, unvalidated } from "../experiments/management-endpoint";
import { pathParam, queryObject } from "../experiments/request-input";
import { adminBodies, pageJson, userJson } from "./admin-json";

const userPath = z.object({ user: userRefSchema.describe("The user's id or username.") });

export const listUsersEndpoint = managementEndpoint(
  {
    operationId: "listUsers",
    method: "GET",
    path: "/api/v1/users",
    summary: "List users",
    description: "One page of users. `search` matches username, email and full name; filter by `active`, `superuser` (true or false) and `role`.",
    tags: ["Users"],
    query: listUsersSchema,
    responses: { 200: { description: "The page, with the total over all pages.", body: adminBodies.userPage } },
    errors: [422],
  },
  async (ctx, request) => ({ status: 200, body: pageJson(await listUsers(ctx, unvalidated<ListUsersInput>(queryObject(request.url))), userJson) }),
);

export const createUserEndpoint = managementEndpoint(
  {
    operationId: "createUser",
    method: "POST",
    path: "/api/v1/users",
    summary: "Create a user",
    description:
      "Passwords have at least 12 characters and are not common breached passwords. Leave `password` out to have a one-time password generated and returned once. Only superusers create superusers; nobody assigns a role with permissions they lack.",
    tags: ["Users"],
    body: named("NewUser", createUserSchema),
    responses: { 201: { description: "The user.", body: adminBodies.createdUser, headers: { Location: "The user's URL." } } },
    errors: [400, 409, 413, 422],
  },
  async (ctx, request) => {
    const { oneTimePassword, ...created } = await createUser(ctx, unvalidated<CreateUserInput>(request.body));
    const body = userJson(created);
    return { status: 201, body: oneTimePassword ? { ...body, oneTimePassword } : body, headers: { location: `/api/v1/users/${created.id}` } };
  },
);

export const getUserEndpoint = managementEndpoint(
  {
    operationId: "getUser",
    method: "GET",
    path: "/api/v1/users/{user}",
    summary: "Read a user",
    tags: ["Users"],
    pathParams: userPath,
    responses: { 200: { description: "The user.", body: adminBodies.user } },
    errors: [404, 422],
  },
  async (ctx, request) => ({ status: 200, body: userJson(await getUser(ctx, { user: pathParam(request, "user") })) }),
);

export const updateUserEndpoint = managementEndpoint(
  {
    operationId: "updateUser",
    method: "PATCH",
    path: "/api/v1/users/{user}",
    summary: "Change a user",
    description:
      "Changes only the fields sent. `roles` is the complete list. `isActive: false` deactivates the account and ends its sessions at once. Nobody changes their own roles, superuser status or active state; only superusers grant or revoke superuser; the last active superuser cannot be deactivated or demoted.",
    tags: ["Users"],
    pathParams: userPath,
    body: named("UserChanges", updateUserSchema),
    responses: { 200: { description: "The user as they are now.", body: adminBodies.user } },
    errors: [400, 404, 409, 413, 422],
  },
  async (ctx, request) => {
    const user = await updateUser(ctx, { user: pathParam(request, "user"), changes: unvalidated<UpdateUserInput>(request.body) });
    return { status: 200, body: userJson(user) };
  },
);

export const resetUserPasswordEndpoint = managementEndpoint(
  {
    operationId: "resetUserPassword",
    method: "POST",
    path: "/api/v1/users/{user}/password",
    summary: "Reset a user's password",
    description: "Sets the password sent, or (with an empty body) a generated one-time password returned once. Ends every session of that user.",
    tags: ["Users"],
    pathParams: userPath,
    body: named("PasswordReset", resetPasswordSchema),
    responses: { 200: { description: "Done.", body: adminBodies.passwordReset } },
    errors: [400, 404, 413, 422],
  },
  async (ctx, request) => {
    const body = unvalidated<ResetPasswordInput | undefined>(request.body) ?? {};
    const { password } = await resetUserPassword(ctx, { ...body, user: pathParam(request, "user") });
    return { status: 200, body: { oneTimePassword: password } };
  },
);
