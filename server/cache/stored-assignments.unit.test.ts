import { describe, expect, it } from "vitest";
import { StoredAssignments } from "./stored-assignments";

describe("StoredAssignments", () => {
  it("answers what it was told, per experiment and user", () => {
    const cache = new StoredAssignments(10);
    cache.remember("exp-1", "user-1", "variant-a");
    cache.remember("exp-2", "user-1", "variant-b");
    expect(cache.get("exp-1", "user-1")).toBe("variant-a");
    expect(cache.get("exp-2", "user-1")).toBe("variant-b");
    expect(cache.get("exp-1", "user-2")).toBeUndefined();
  });

  it("does not confuse ids that run together when concatenated", () => {
    const cache = new StoredAssignments(10);
    cache.remember("exp-1", "1user", "variant-a");
    expect(cache.get("exp-11", "user")).toBeUndefined();
  });

  it("evicts the least recently used entry past its capacity, and a read counts as a use", () => {
    const cache = new StoredAssignments(3);
    cache.remember("e", "u1", "v1");
    cache.remember("e", "u2", "v2");
    cache.remember("e", "u3", "v3");
    expect(cache.get("e", "u1")).toBe("v1"); // u2 is now the oldest
    cache.remember("e", "u4", "v4");
    expect(cache.size).toBe(3);
    expect(cache.get("e", "u2")).toBeUndefined();
    expect(cache.get("e", "u1")).toBe("v1");
    expect(cache.get("e", "u3")).toBe("v3");
    expect(cache.get("e", "u4")).toBe("v4");
  });

  it("keeps one entry when the same assignment is remembered twice", () => {
    const cache = new StoredAssignments(3);
    cache.remember("e", "u1", "v1");
    cache.remember("e", "u1", "v1");
    expect(cache.size).toBe(1);
  });
});
