import { describe, expect, it } from "vitest";
import { copyKeyBase, copyKeyCandidate, firstFreeCopyKey } from "./copy-key";

describe("copy keys", () => {
  it.each<[string, string]>([
    ["checkout", "checkout"],
    ["checkout-copy", "checkout"],
    ["checkout-copy-7", "checkout"],
    ["copy", "copy"],
    ["a-copy-b", "a-copy-b"],
  ])("the base of %s is %s", (key, base) => expect(copyKeyBase(key)).toBe(base));

  it.each<[string, number, string]>([
    ["checkout", 1, "checkout-copy"],
    ["checkout", 2, "checkout-copy-2"],
    ["checkout-copy", 3, "checkout-copy-3"],
  ])("candidate %s #%i is %s", (key, n, candidate) => expect(copyKeyCandidate(key, n)).toBe(candidate));

  it("cuts long keys to 100 characters, without a dangling dash", () => {
    const key = `${"a".repeat(94)}-bcdef`;
    expect(copyKeyCandidate(key, 1)).toBe(`${"a".repeat(94)}-copy`);
    expect(copyKeyCandidate(key, 12)).toBe(`${"a".repeat(92)}-copy-12`);
    expect(copyKeyCandidate("z".repeat(100), 2)).toHaveLength(100);
  });

  it("picks the first free candidate", () => {
    expect(firstFreeCopyKey("checkout", new Set())).toBe("checkout-copy");
    expect(firstFreeCopyKey("checkout", new Set(["checkout-copy", "checkout-copy-2", "checkout-copy-4"]))).toBe("checkout-copy-3");
    expect(firstFreeCopyKey("checkout-copy", new Set(["checkout-copy"]))).toBe("checkout-copy-2");
  });
});
