import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Conflict, Forbidden, Invalid } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { createUser } from "./create-user";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

const valid = { username: "ann", email: "Ann@Example.com", password: "correct horse", roles: ["experimenter"] };

describe("createUser", () => {
  it("creates the user with an argon2id hash, lower-cased email, roles, and an audit row in the same transaction", async () => {
    const user = await createUser(systemContext(h.db), valid);
    expect(user).toMatchObject({ username: "ann", email: "ann@example.com", isSuperuser: false, roles: ["experimenter"] });
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.hashedPassword).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "user.create", entityType: "user", actorLabel: "test" });
    expect(JSON.stringify(audit[0]?.after)).not.toContain("argon2");
  });

  it("refuses a duplicate username (any case) or email, writing nothing", async () => {
    const before = await h.db.$count(users);
    await expect(createUser(systemContext(h.db), { ...valid, username: "ANN", email: "other@example.com" })).rejects.toThrow(Conflict);
    await expect(createUser(systemContext(h.db), { ...valid, username: "ann2", email: "ANN@example.com" })).rejects.toThrow(/already registered/);
    expect(await h.db.$count(users)).toBe(before);
  });

  it("reports every invalid field", async () => {
    const error = await createUser(systemContext(h.db), { username: "a", email: "nope", password: "short" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect(Object.keys((error as Invalid).fieldErrors).sort()).toEqual(["email", "password", "username"]);
  });

  it("refuses an unknown role and names the existing ones, writing nothing", async () => {
    const before = await h.db.$count(users);
    await expect(createUser(systemContext(h.db), { ...valid, username: "cat", email: "cat@example.com", roles: ["wizard"] })).rejects.toThrow(
      /Unknown role "wizard". Roles: admin, experimenter, viewer/,
    );
    expect(await h.db.$count(users)).toBe(before);
  });

  it("requires user:create, and only superusers create superusers", async () => {
    await expect(createUser(contextWith(h.db, ["user:read"]), { ...valid, username: "dan", email: "dan@example.com" })).rejects.toThrow(Forbidden);
    await expect(
      createUser(contextWith(h.db, ["user:create"]), { ...valid, username: "eve", email: "eve@example.com", isSuperuser: true }),
    ).rejects.toThrow(/Only a superuser/);
    const ok = await createUser(contextWith(h.db, ["user:create"]), { ...valid, username: "fay", email: "fay@example.com", roles: [] });
    expect(ok.username).toBe("fay");
  });

  it("refuses to assign a role with permissions the creator lacks, writing nothing", async () => {
    const before = await h.db.$count(users);
    await expect(createUser(contextWith(h.db, ["user:create", "user:read"]), { ...valid, username: "gus", email: "gus@example.com", roles: ["viewer"] })).rejects.toThrow(
      /cannot assign "viewer": it grants permissions you do not hold \(event:read, experiment:read, feature_flag:read\)/
    );
    expect(await h.db.$count(users)).toBe(before);
  });

  it("enforces the password policy, and generates a one-time password when none is given", async () => {
    await expect(createUser(systemContext(h.db), { ...valid, username: "hal", email: "hal@example.com", password: "Password1234" })).rejects.toThrow(/breached/);
    await expect(createUser(systemContext(h.db), { ...valid, username: "hal", email: "hal@example.com", password: "short-pw" })).rejects.toThrow(/at least 12/);
    const made = await createUser(systemContext(h.db), { username: "ivy", email: "ivy@example.com" });
    expect(made.oneTimePassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.entityId, made.id));
    expect(JSON.stringify(audit)).not.toContain(made.oneTimePassword);
  });
});
