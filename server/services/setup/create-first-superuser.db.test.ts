import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { users } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Conflict, Invalid } from "../../errors";
import { createFirstSuperuser, hasAnyUser } from "./create-first-superuser";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

const input = { username: "root", email: "root@example.com", password: "long enough pw", confirmPassword: "long enough pw" };

describe("createFirstSuperuser", () => {
  it("rejects mismatched passwords without creating anyone", async () => {
    await expect(createFirstSuperuser(h.db, { ...input, confirmPassword: "different" })).rejects.toThrow(Invalid);
    expect(await hasAnyUser(h.db)).toBe(false);
  });

  it("creates exactly one superuser with the admin role, even when two requests race", async () => {
    const results = await Promise.allSettled([
      createFirstSuperuser(h.db, input),
      createFirstSuperuser(h.db, { ...input, username: "root2", email: "root2@example.com" }),
    ]);
    const created = results.filter((r) => r.status === "fulfilled");
    expect(created).toHaveLength(1);
    expect(created[0]?.status === "fulfilled" && created[0].value).toMatchObject({ isSuperuser: true, roles: ["admin"] });
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: expect.any(Conflict) });
    expect(await h.db.$count(users)).toBe(1);
  });

  it("is gone once a user exists", async () => {
    await expect(createFirstSuperuser(h.db, { ...input, username: "late", email: "late@example.com" })).rejects.toThrow(/already complete/);
  });
});
