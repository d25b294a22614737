import { describe, expect, it } from "vitest";
import type { GuardedVariant } from "./start-guards";
import { variantSetProblems } from "./variant-set";

function variant(name: string, overrides: Partial<GuardedVariant> = {}): GuardedVariant {
  return { name, isControl: false, trafficAllocation: 10, configuration: {}, ...overrides };
}

describe("variantSetProblems", () => {
  it("accepts an empty set and a valid one", () => {
    expect(variantSetProblems("A_B", [])).toEqual([]);
    expect(variantSetProblems("A_B", [variant("a", { isControl: true }), variant("b", { trafficAllocation: 90 })])).toEqual([]);
  });

  it("names every variant sharing a name, and every control when there are several", () => {
    expect(variantSetProblems("A_B", [variant("a", { isControl: true }), variant("b"), variant("a", { isControl: true })])).toEqual([
      { index: 0, field: "name", message: 'Another variant is already named "a".' },
      { index: 2, field: "name", message: 'Another variant is already named "a".' },
      { index: 0, field: "isControl", message: "Only one variant can be the control." },
      { index: 2, field: "isControl", message: "Only one variant can be the control." },
    ]);
  });

  it("reports a total above 100% on the set", () => {
    expect(variantSetProblems("MULTIVARIATE", [variant("a", { trafficAllocation: 70 }), variant("b", { trafficAllocation: 30.5 })])).toEqual([
      { index: null, field: "trafficAllocation", message: "The variants' traffic allocations would total 100.5%; at most 100% is possible." },
    ]);
  });

  it("requires URLs only in split-URL experiments", () => {
    const variants = [variant("a", { configuration: { url: "https://example.com" } }), variant("b")];
    expect(variantSetProblems("BANDIT", variants)).toEqual([]);
    expect(variantSetProblems("SPLIT_URL", variants)).toEqual([
      { index: 1, field: "configuration.url", message: 'Variant "b": its configuration needs a "url": an absolute http(s) address, such as https://example.com/page.' },
    ]);
  });
});
