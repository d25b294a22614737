import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Forbidden, Invalid } from "../../errors";
import { loadSignedInUser } from "../auth/load-actor";
import { verifyCredentials } from "../auth/verify-credentials";
import { systemContext } from "../testing";
import { changeOwnPassword } from "./change-own-password";
import { createUser } from "./create-user";
import { resetUserPassword } from "./reset-user-password";

let h: DatabaseHandle;
let kimId: string;
const pw = "kims first password";
beforeAll(async () => {
  h = await createTestDatabase();
  kimId = (await createUser(systemContext(h.db), { username: "kim", email: "kim@example.com", password: pw, roles: ["viewer"] })).id;
  await createUser(systemContext(h.db), { username: "max", email: "max@example.com", password: pw, roles: ["admin"] });
});
afterAll(() => h.close());

async function signedIn(username: string) {
  const [row] = await h.db.select().from(users).where(eq(users.username, username));
  const user = row ? await loadSignedInUser(h.db, row.id, row.sessionVersion) : null;
  if (!user || !row) throw new Error(username);
  return { ctx: { db: h.db, actor: user.actor }, version: row.sessionVersion, id: row.id };
}

describe("changeOwnPassword", () => {
  it("needs the current password and a policy-keeping new one, changing nothing otherwise", async () => {
    const { ctx } = await signedIn("kim");
    await expect(changeOwnPassword(ctx, { currentPassword: "wrong one", newPassword: "a new long password", confirmPassword: "a new long password" })).rejects.toThrow(
      /current password is not right/,
    );
    await expect(changeOwnPassword(ctx, { currentPassword: pw, newPassword: "password1234", confirmPassword: "password1234" })).rejects.toThrow(Invalid);
    await expect(changeOwnPassword(ctx, { currentPassword: pw, newPassword: "a new long password", confirmPassword: "different" })).rejects.toThrow(/do not match/);
    expect((await verifyCredentials(h.db, { identifier: "kim", password: pw }, "10.1.0.1")).username).toBe("kim");
  });

  it("changes it, ends every session issued before, and audits without the password", async () => {
    const { ctx, version } = await signedIn("kim");
    const { sessionVersion } = await changeOwnPassword(ctx, { currentPassword: pw, newPassword: "a new long password", confirmPassword: "a new long password" });
    expect(sessionVersion).toBe(version + 1);
    expect(await loadSignedInUser(h.db, kimId, version)).toBeNull();
    await expect(verifyCredentials(h.db, { identifier: "kim", password: pw }, "10.1.0.2")).rejects.toThrow();
    expect((await verifyCredentials(h.db, { identifier: "kim", password: "a new long password" }, "10.1.0.2")).sessionVersion).toBe(sessionVersion);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, "user.change_password"));
    expect(JSON.stringify(audit)).not.toContain("a new long password");
  });
});

describe("resetUserPassword", () => {
  it("generates a one-time password shown once, and ends the user's sessions", async () => {
    const kim = await signedIn("kim");
    const { ctx } = await signedIn("max");
    const { password } = await resetUserPassword(ctx, { user: "kim" });
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await loadSignedInUser(h.db, kimId, kim.version)).toBeNull();
    expect((await verifyCredentials(h.db, { identifier: "kim", password: password ?? "" }, "10.1.0.3")).username).toBe("kim");
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, "user.reset_password"));
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it("sets a given password, and refuses your own account and weak passwords", async () => {
    const { ctx } = await signedIn("max");
    expect(await resetUserPassword(ctx, { user: "kim", password: "chosen by the admin" })).toEqual({ password: null });
    await expect(resetUserPassword(ctx, { user: "max" })).rejects.toThrow(Forbidden);
    await expect(resetUserPassword(ctx, { user: "kim", password: "qwertyuiopas" })).rejects.toThrow(/breached/);
    expect((await verifyCredentials(h.db, { identifier: "kim", password: "chosen by the admin" }, "10.1.0.4")).username).toBe("kim");
  });
});
