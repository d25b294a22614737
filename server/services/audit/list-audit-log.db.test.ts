import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { Forbidden, Invalid } from "../../errors";
import { createApiKey } from "../api-keys/create-api-key";
import { createRole } from "../roles/create-role";
import { updateRole } from "../roles/update-role";
import { contextWith, systemContext } from "../testing";
import { createUser } from "../users/create-user";
import { updateUser } from "../users/update-user";
import { listAuditLog } from "./list-audit-log";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  const sys = systemContext(h.db);
  await createUser(sys, { username: "olga", email: "olga@example.com", password: "a fine long password" });
  await updateUser(contextWith(h.db, ["user:update"], "boss"), { user: "olga", changes: { fullName: "Olga K" } });
  await createRole(sys, { name: "auditors", permissions: ["audit_log:read"] });
  await updateRole(sys, { role: "auditors", changes: { description: "Read the log" } });
  await createApiKey(sys, { name: "pipeline", type: "client" });
});
afterAll(() => h.close());

describe("listAuditLog", () => {
  it("names entities by their names, newest first", async () => {
    const page = await listAuditLog(systemContext(h.db));
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => [r.action, r.entityName])).toEqual([
      ["api_key.create", "pipeline"],
      ["role.update", "auditors"],
      ["role.create", "auditors"],
      ["user.update", "olga"],
      ["user.create", "olga"],
    ]);
  });

  it("filters by actor, entity type, entity name or id, action and action family, and time", async () => {
    const sys = systemContext(h.db);
    expect((await listAuditLog(sys, { actor: "BOSS" })).rows.map((r) => r.action)).toEqual(["user.update"]);
    expect((await listAuditLog(sys, { entityType: "role" })).total).toBe(2);
    const olga = await listAuditLog(sys, { entity: "olga" });
    expect(olga.total).toBe(2);
    expect((await listAuditLog(sys, { entity: olga.rows[0]?.entityId ?? "" })).total).toBe(2);
    expect((await listAuditLog(sys, { action: "role." })).total).toBe(2);
    expect((await listAuditLog(sys, { action: "role.create" })).total).toBe(1);
    expect((await listAuditLog(sys, { from: "2000-01-01", to: "2000-01-02" })).total).toBe(0);
    expect((await listAuditLog(sys, { from: new Date(Date.now() - 60_000).toISOString() })).total).toBe(5);
    expect((await listAuditLog(sys, { pageSize: 2, page: 3 })).rows).toHaveLength(1);
  });

  it("refuses bad filters and readers without audit_log:read", async () => {
    await expect(listAuditLog(systemContext(h.db), { from: "yesterday" })).rejects.toThrow(Invalid);
    await expect(listAuditLog(systemContext(h.db), { from: "2026-02-01", to: "2026-01-01" })).rejects.toThrow(/end is before the start/);
    await expect(listAuditLog(contextWith(h.db, ["user:read"]))).rejects.toThrow(Forbidden);
  });
});
