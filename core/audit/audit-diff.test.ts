import { describe, expect, it } from "vitest";
import { auditDiff, describeChange } from "./audit-diff";

describe("auditDiff", () => {
  it("reads a status change as before → after, leaving unchanged fields and updatedAt out", () => {
    const changes = auditDiff({ status: "DRAFT", name: "A", updatedAt: "x" }, { status: "ACTIVE", name: "A", updatedAt: "y" });
    expect(changes.map(describeChange)).toEqual(["status: DRAFT → ACTIVE"]);
  });

  it("lists every field of a creation, nested fields by dotted path, lists joined", () => {
    expect(auditDiff(null, { name: "ops", permissions: ["a:read", "b:read"], owner: { id: 1 } }).map(describeChange)).toEqual([
      "name: (none) → ops",
      "permissions: (none) → a:read, b:read",
      "owner.id: (none) → 1",
    ]);
  });

  it("shows a deletion and a changed list", () => {
    expect(auditDiff({ roles: ["viewer"] }, { roles: ["experimenter", "viewer"] })).toEqual([
      { field: "roles", before: "viewer", after: "experimenter, viewer" },
    ]);
    expect(auditDiff({ name: "gone" }, null)).toEqual([{ field: "name", before: "gone", after: null }]);
  });

  it("shortens long values", () => {
    const [change] = auditDiff({ text: "a" }, { text: "b".repeat(500) });
    expect(change?.after).toHaveLength(120);
    expect(change?.after?.endsWith("…")).toBe(true);
  });
});
