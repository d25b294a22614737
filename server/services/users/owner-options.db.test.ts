import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { contextWith, systemContext } from "../testing";
import { createUser } from "./create-user";
import { ownerOptions } from "./owner-options";
import { updateUser } from "./update-user";

let h: DatabaseHandle;
const ids: Record<string, string> = {};
beforeAll(async () => {
  h = await createTestDatabase();
  const sys = systemContext(h.db);
  const password = "a long enough password";
  ids.ann = (await createUser(sys, { username: "ann", email: "ann@example.com", password, fullName: "Ann Lee" })).id;
  ids.bob = (await createUser(sys, { username: "bob", email: "bob@example.com", password })).id;
  ids.gone = (await createUser(sys, { username: "gone", email: "gone@example.com", password })).id;
  await updateUser(sys, { user: ids.gone, changes: { isActive: false } });
});
afterAll(() => h.close());

describe("ownerOptions", () => {
  it("offers the active users to a reader who may list users, labelled by name and username", async () => {
    const options = await ownerOptions(contextWith(h.db, ["user:read"]));
    expect(options).toEqual(expect.arrayContaining([{ id: ids.ann, label: "Ann Lee (ann)" }, { id: ids.bob, label: "bob" }]));
    expect(options.some((o) => o.id === ids.gone)).toBe(false);
  });

  it("keeps a current owner who is no longer active, so the form does not lose its value", async () => {
    const options = await ownerOptions(contextWith(h.db, ["user:read"]), { id: ids.gone ?? "", username: "gone", fullName: null });
    expect(options[0]).toEqual({ id: ids.gone, label: "gone" });
  });

  it("offers only the given people to a reader who may not list users, without asking (no Forbidden)", async () => {
    const options = await ownerOptions(contextWith(h.db, ["feature_flag:update"]), { id: ids.bob ?? "", username: "bob", fullName: null }, null);
    expect(options).toEqual([{ id: ids.bob, label: "bob" }]);
  });
});
