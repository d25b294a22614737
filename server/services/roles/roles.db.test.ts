import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { apiKeys, auditLog, rolePermissions, roles, userRoles } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Forbidden, Invalid, NotFound } from "../../errors";
import { createApiKey } from "../api-keys/create-api-key";
import { contextWith, systemContext } from "../testing";
import { createUser } from "../users/create-user";
import { createRole } from "./create-role";
import { RoleInUse, deleteRole } from "./delete-role";
import { listRoles } from "./list-roles";
import { updateRole } from "./update-role";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

const counts = async () => ({ roles: await h.db.$count(roles), grants: await h.db.$count(rolePermissions), keys: await h.db.$count(apiKeys), holders: await h.db.$count(userRoles) });

describe("roles", () => {
  it("creates a custom role with permissions and an audit row of entity type role", async () => {
    const role = await createRole(systemContext(h.db), { name: "flag-admins", description: "Flags only", permissions: ["feature_flag:update", "feature_flag:read"] });
    expect(role).toMatchObject({ name: "flag-admins", isBuiltin: false, permissions: ["feature_flag:read", "feature_flag:update"] });
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.entityId, role.id));
    expect(audit).toMatchObject({ action: "role.create", entityType: "role" });
  });

  it("refuses bad input, a taken name, and permissions beyond the creator's, writing nothing", async () => {
    const before = await counts();
    await expect(createRole(systemContext(h.db), { name: "flag-admins" })).rejects.toThrow(/exists/);
    await expect(createRole(systemContext(h.db), { name: "x y", permissions: [] })).rejects.toThrow(Invalid);
    await expect(createRole(systemContext(h.db), { name: "odd", permissions: ["flags:fly"] })).rejects.toThrow(/Unknown permission "flags:fly"/);
    await expect(createRole(contextWith(h.db, ["role:create", "experiment:read"]), { name: "sneaky", permissions: ["user:delete"] })).rejects.toThrow(
      /grants permissions you do not hold \(user:delete\)/,
    );
    await expect(createRole(contextWith(h.db, ["role:read"]), { name: "nope" })).rejects.toThrow(Forbidden);
    expect(await counts()).toEqual(before);
  });

  it("edits description and the permission matrix, auditing before and after", async () => {
    const role = await updateRole(systemContext(h.db), { role: "flag-admins", changes: { description: "Flags", permissions: ["feature_flag:read"] } });
    expect(role).toMatchObject({ description: "Flags", permissions: ["feature_flag:read"] });
    const rows = await h.db.select().from(auditLog).where(eq(auditLog.action, "role.update"));
    expect(rows.at(-1)).toMatchObject({ entityType: "role", before: { permissions: ["feature_flag:read", "feature_flag:update"] }, after: { permissions: ["feature_flag:read"] } });
  });

  it("keeps built-ins non-empty and undeletable, and unknown roles are 404", async () => {
    const before = await counts();
    await expect(updateRole(systemContext(h.db), { role: "viewer", changes: { permissions: [] } })).rejects.toThrow(/cannot be emptied/);
    await expect(deleteRole(systemContext(h.db), { role: "admin", confirm: true })).rejects.toThrow(/cannot be deleted/);
    await expect(updateRole(systemContext(h.db), { role: "ghost", changes: { description: "x" } })).rejects.toThrow(NotFound);
    expect(await counts()).toEqual(before);
  });

  it("asks before deleting a role in use, saying how many users and keys hold it; confirmed, removes it and its keys", async () => {
    const sys = systemContext(h.db);
    await createUser(sys, { username: "fay", email: "fay@example.com", password: "long enough password", roles: ["flag-admins"] });
    const key = await createApiKey(sys, { name: "flags-bot", type: "admin", role: "flag-admins" });
    const before = await counts();
    const refusal = await deleteRole(sys, { role: "flag-admins" }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(RoleInUse);
    expect((refusal as Error).message).toMatch(/held by 1 user and 1 API key/);
    expect(await counts()).toEqual(before);
    await deleteRole(sys, { role: "flag-admins", confirm: true });
    expect((await listRoles(sys)).map((r) => r.name)).toEqual(["admin", "experimenter", "viewer"]);
    expect(await h.db.$count(apiKeys, eq(apiKeys.id, key.id))).toBe(0);
    const actions = (await h.db.select().from(auditLog)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["role.delete", "api_key.delete"]));
  });

  it("lists roles with user and key counts", async () => {
    const [admin] = (await listRoles(systemContext(h.db))).filter((r) => r.name === "admin");
    expect(admin).toMatchObject({ isBuiltin: true, users: 0, keys: 0 });
    expect(admin?.permissions).toHaveLength(28);
  });
});
