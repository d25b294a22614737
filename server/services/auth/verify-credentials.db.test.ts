import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { users } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Invalid, TooManyRequests, Unauthenticated } from "../../errors";
import { systemContext } from "../testing";
import { createUser } from "../users/create-user";
import { THROTTLE_POLICY } from "./sign-in-throttle";
import { WRONG_CREDENTIALS, verifyCredentials } from "./verify-credentials";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await createUser(systemContext(h.db), { username: "Grace", email: "grace@example.com", password: "right password" });
  await createUser(systemContext(h.db), { username: "henry", email: "henry@example.com", password: "right password" });
});
afterAll(() => h.close());

describe("verifyCredentials", () => {
  it("accepts username or email in any case and records last_login", async () => {
    const at = new Date("2026-01-02T03:04:05Z");
    expect((await verifyCredentials(h.db, { identifier: "grace", password: "right password" }, "10.0.0.1", at)).username).toBe("Grace");
    expect((await verifyCredentials(h.db, { identifier: "GRACE@example.com", password: "right password" }, "10.0.0.1", at)).username).toBe("Grace");
    const [row] = await h.db.select({ lastLogin: users.lastLogin }).from(users).where(eq(users.username, "Grace"));
    expect(row?.lastLogin?.toISOString()).toBe(at.toISOString());
  });

  it("gives one message for a wrong password and for an unknown account", async () => {
    await expect(verifyCredentials(h.db, { identifier: "grace", password: "wrong" }, "10.0.0.2")).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(verifyCredentials(h.db, { identifier: "nobody", password: "wrong" }, "10.0.0.2")).rejects.toThrow(WRONG_CREDENTIALS);
  });

  it("rejects empty input as invalid", async () => {
    await expect(verifyCredentials(h.db, { identifier: " ", password: "" }, "10.0.0.3")).rejects.toThrow(Invalid);
  });

  it("throttles an account from one address after the limit, and only that pair", async () => {
    const now = new Date("2026-03-01T12:00:00Z");
    for (let i = 0; i < THROTTLE_POLICY.perAccountAndAddress; i++) {
      await expect(verifyCredentials(h.db, { identifier: "henry", password: "nope" }, "10.0.0.9", now)).rejects.toThrow(Unauthenticated);
    }
    // Even the right password is refused while blocked, with a clear message.
    const blocked = verifyCredentials(h.db, { identifier: "henry", password: "right password" }, "10.0.0.9", now);
    await expect(blocked).rejects.toThrow(TooManyRequests);
    await expect(verifyCredentials(h.db, { identifier: "henry", password: "right password" }, "10.0.0.9", now)).rejects.toThrow(
      "Too many failed sign-in attempts. Try again in 15 minutes.",
    );
    // Another address is not affected, and the block expires.
    expect((await verifyCredentials(h.db, { identifier: "henry", password: "right password" }, "10.0.0.10", now)).username).toBe("henry");
    const later = new Date(now.getTime() + THROTTLE_POLICY.blockMs + 1000);
    expect((await verifyCredentials(h.db, { identifier: "henry", password: "right password" }, "10.0.0.9", later)).username).toBe("henry");
  });

  it("refuses a deactivated account even with the right password", async () => {
    await h.db.update(users).set({ isActive: false }).where(eq(users.username, "Grace"));
    await expect(verifyCredentials(h.db, { identifier: "grace", password: "right password" }, "10.0.0.4")).rejects.toThrow(/deactivated/);
  });
});
