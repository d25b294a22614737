/** Every user, role, API key and audit log endpoint, for the OpenAPI document and the permission suite. */
import type { ManagementEndpoint } from "../experiments/management-endpoint";
import { createApiKeyEndpoint, listApiKeysEndpoint, revokeApiKeyEndpoint } from "./api-key-endpoints";
import { listAuditLogEndpoint } from "./audit-log-endpoint";
import { createRoleEndpoint, deleteRoleEndpoint, getRoleEndpoint, listRolesEndpoint, updateRoleEndpoint } from "./role-endpoints";
import { createUserEndpoint, getUserEndpoint, listUsersEndpoint, resetUserPasswordEndpoint, updateUserEndpoint } from "./user-endpoints";

export const adminEndpoints: readonly ManagementEndpoint[] = [
  listUsersEndpoint,
  createUserEndpoint,
  getUserEndpoint,
  updateUserEndpoint,
  resetUserPasswordEndpoint,
  listRolesEndpoint,
  createRoleEndpoint,
  getRoleEndpoint,
  updateRoleEndpoint,
  deleteRoleEndpoint,
  listApiKeysEndpoint,
  createApiKeyEndpoint,
  revokeApiKeyEndpoint,
  listAuditLogEndpoint,
];
