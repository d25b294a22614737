import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Conflict, Forbidden, Invalid } from "../../errors";
import { loadSignedInUser } from "../auth/load-actor";
import { contextWith, systemContext } from "../testing";
import type { ServiceContext } from "../../context";
import { createUser } from "./create-user";
import { updateUser } from "./update-user";

let h: DatabaseHandle;
const pw = "a long enough password";
beforeAll(async () => {
  h = await createTestDatabase();
  const sys = systemContext(h.db);
  await createUser(sys, { username: "root", email: "root@example.com", password: pw, isSuperuser: true });
  await createUser(sys, { username: "boss", email: "boss@example.com", password: pw, roles: ["admin"] });
  await createUser(sys, { username: "pat", email: "pat@example.com", password: pw, roles: ["viewer"] });
  await createUser(sys, { username: "lee", email: "lee@example.com", password: pw, roles: ["viewer"] });
});
afterAll(() => h.close());

async function as(username: string): Promise<ServiceContext> {
  const [row] = await h.db.select().from(users).where(eq(users.username, username));
  const user = row ? await loadSignedInUser(h.db, row.id, row.sessionVersion) : null;
  if (!user) throw new Error(`no user ${username}`);
  return { db: h.db, actor: user.actor };
}

const snapshot = async () => JSON.stringify(await h.db.select().from(users).orderBy(users.username));

describe("updateUser", () => {
  it("changes email, name and roles with one audit row holding before and after", async () => {
    const user = await updateUser(await as("boss"), { user: "pat", changes: { email: "Pat@New.example", fullName: "Pat Doe", roles: ["experimenter"] } });
    expect(user).toMatchObject({ email: "pat@new.example", fullName: "Pat Doe", roles: ["experimenter"] });
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit.at(-1)).toMatchObject({ action: "user.update", actorLabel: "boss", before: { roles: ["viewer"] }, after: { roles: ["experimenter"] } });
  });

  it("refuses self-lockout and self-promotion, changing nothing", async () => {
    const before = await snapshot();
    const boss = await as("boss");
    await expect(updateUser(boss, { user: "boss", changes: { isActive: false } })).rejects.toThrow(/cannot change your own roles/);
    await expect(updateUser(boss, { user: "boss", changes: { roles: [] } })).rejects.toThrow(Forbidden);
    await expect(updateUser(await as("root"), { user: "root", changes: { isSuperuser: false } })).rejects.toThrow(Forbidden);
    expect(await snapshot()).toBe(before);
  });

  it("lets only superusers grant superuser, and keeps the last active superuser", async () => {
    await expect(updateUser(await as("boss"), { user: "lee", changes: { isSuperuser: true } })).rejects.toThrow(/Only a superuser/);
    await expect(updateUser(await as("boss"), { user: "root", changes: { isActive: false } })).rejects.toThrow(/Only a superuser/);
    await expect(updateUser(systemContext(h.db), { user: "root", changes: { isActive: false } })).rejects.toThrow(Conflict);
    await expect(updateUser(systemContext(h.db), { user: "root", changes: { isSuperuser: false } })).rejects.toThrow(/last active superuser/);
    await updateUser(await as("root"), { user: "lee", changes: { isSuperuser: true } });
    await updateUser(systemContext(h.db), { user: "lee", changes: { isSuperuser: false } });
  });

  it("refuses a role beyond the granter's permissions, an unknown role and a taken email", async () => {
    const before = await snapshot();
    const limited = contextWith(h.db, ["user:update", "user:read"]);
    await expect(updateUser(limited, { user: "lee", changes: { roles: ["viewer", "admin"] } })).rejects.toThrow(/cannot assign "admin"/);
    await expect(updateUser(await as("boss"), { user: "lee", changes: { roles: ["wizard"] } })).rejects.toThrow(Invalid);
    await expect(updateUser(await as("boss"), { user: "lee", changes: { email: "ROOT@example.com" } })).rejects.toThrow(/already registered/);
    await expect(updateUser(contextWith(h.db, ["user:read"]), { user: "lee", changes: { fullName: "x" } })).rejects.toThrow(Forbidden);
    expect(await snapshot()).toBe(before);
  });

  it("deactivation raises the session version, so existing sessions end; reactivation does not revive them", async () => {
    const [lee] = await h.db.select().from(users).where(eq(users.username, "lee"));
    if (!lee) throw new Error("lee");
    expect(await loadSignedInUser(h.db, lee.id, lee.sessionVersion)).not.toBeNull();
    await updateUser(await as("boss"), { user: "lee", changes: { isActive: false } });
    expect(await loadSignedInUser(h.db, lee.id, lee.sessionVersion)).toBeNull();
    await updateUser(await as("boss"), { user: "lee", changes: { isActive: true } });
    expect(await loadSignedInUser(h.db, lee.id, lee.sessionVersion)).toBeNull();
    expect(await loadSignedInUser(h.db, lee.id, lee.sessionVersion + 1)).not.toBeNull();
    const actions = (await h.db.select().from(auditLog).where(eq(auditLog.entityId, lee.id))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["user.deactivate", "user.reactivate"]));
  });
});
