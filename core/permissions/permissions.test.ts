import { describe, expect, it } from "vitest";
import { type Actor, type Permission, can, isPermission, permissionName, systemActor } from "./permissions";

const actor = (permissions: Permission[], isSuperuser = false): Actor => ({
  kind: "user",
  id: "u1",
  label: "ann",
  isSuperuser,
  permissions: new Set(permissions),
});

describe("can", () => {
  it.each([
    // [permissions held, superuser, resource, action, expected]
    [["experiment:read"], false, "experiment", "read", true],
    [["experiment:read"], false, "experiment", "update", false],
    [["experiment:read"], false, "feature_flag", "read", false],
    [[], false, "user", "read", false],
    [[], true, "user", "delete", true],
    [["feature_flag:update", "feature_flag:create"], false, "feature_flag", "create", true],
  ] as const)("%j superuser=%s may %s:%s → %s", (perms, superuser, resource, action, expected) => {
    expect(can(actor([...perms], superuser), resource, action)).toBe(expected);
  });

  it("lets the system actor do everything", () => {
    expect(can(systemActor(), "api_key", "delete")).toBe(true);
  });
});

describe("permission names", () => {
  it("joins resource and action", () => {
    expect(permissionName("audit_log", "read")).toBe("audit_log:read");
  });

  it.each([
    ["experiment:read", true],
    ["api_key:delete", true],
    ["experiment:publish", false],
    ["widget:read", false],
    ["experiment", false],
    ["experiment:read:extra", false],
  ])("%s is a permission: %s", (name, expected) => {
    expect(isPermission(name)).toBe(expected);
  });
});
