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

  it("keeps what was used within the last half of its capacity, and never more than its capacity", () => {
    const cache = new StoredAssignments(4);
    cache.remember("e", "u1", "v1");
    cache.remember("e", "u2", "v2");
    cache.remember("e", "u3", "v3"); // u1 and u2 are now the older generation
    expect(cache.get("e", "u1")).toBe("v1"); // read: kept into the recent one
    cache.remember("e", "u4", "v4"); // turnover: u2, unused since, is dropped
    expect(cache.size).toBeLessThanOrEqual(4);
    expect(cache.get("e", "u2")).toBeUndefined();
    expect(cache.get("e", "u1")).toBe("v1");
    expect(cache.get("e", "u3")).toBe("v3");
    expect(cache.get("e", "u4")).toBe("v4");
    for (let i = 0; i < 100; i++) {
      cache.remember("e", `n${i}`, "v");
      expect(cache.size).toBeLessThanOrEqual(4);
    }
    expect(cache.get("e", "u1")).toBeUndefined();
    expect(cache.get("e", "n99")).toBe("v");
    expect(cache.get("e", "n98")).toBe("v");
  });

  it("keeps one entry when the same assignment is remembered twice", () => {
    const cache = new StoredAssignments(3);
    cache.remember("e", "u1", "v1");
    cache.remember("e", "u1", "v1");
    expect(cache.size).toBe(1);
  });
});
