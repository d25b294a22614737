import { describe, expect, it } from "vitest";
import { definitionProblems, overrideValueProblem, variantProblems } from "./flag-values";
import type { FlagVariant } from "./flag-definition";

const variants: FlagVariant[] = [
  { key: "small", value: 10, weight: 50 },
  { key: "large", value: { size: 99, label: "L" }, weight: 50 },
];

describe("overrideValueProblem", () => {
  it.each([
    { variants: null, value: true, ok: true },
    { variants: null, value: false, ok: true },
    { variants: null, value: "true", ok: false },
    { variants: null, value: 1, ok: false },
    { variants: null, value: null, ok: false },
    { variants, value: 10, ok: true },
    { variants, value: { label: "L", size: 99 }, ok: true },
    { variants, value: "10", ok: false },
    { variants, value: { size: 99 }, ok: false },
    { variants, value: true, ok: false },
  ])("$value on variants=$variants.length → ok $ok", ({ variants: v, value, ok }) => {
    expect(overrideValueProblem({ variants: v }, value) === null).toBe(ok);
  });

  it("names the variants a multivariate flag takes", () => {
    expect(overrideValueProblem({ variants }, "x")).toBe("Choose the value of one of the flag's variants (small, large).");
    expect(overrideValueProblem({ variants: null }, "x")).toBe("A boolean flag takes true or false.");
  });
});

describe("variantProblems", () => {
  it("accepts weights summing to 100 (within float error)", () => {
    expect(variantProblems([{ key: "a", value: 1, weight: 33.3 }, { key: "b", value: 2, weight: 33.3 }, { key: "c", value: 3, weight: 33.4 }])).toEqual([]);
  });

  it.each([
    { list: [{ key: "a", value: 1, weight: 100 }], field: "variants", message: "A multivariate flag has at least 2 variants." },
    { list: [{ key: "a", value: 1, weight: 50 }, { key: "b", value: 2, weight: 40 }], field: "variants", message: "Variant weights must sum to 100; they sum to 90." },
    { list: [{ key: "a", value: 1, weight: 50 }, { key: "a", value: 2, weight: 50 }], field: "variants.1.key", message: 'The key "a" is used twice.' },
    { list: [{ key: "on", value: 1, weight: 50 }, { key: "b", value: 2, weight: 50 }], field: "variants.0.key", message: '"on" is reserved for what rules serve; choose another key.' },
    { list: [{ key: "a", value: [1], weight: 50 }, { key: "b", value: [1], weight: 50 }], field: "variants.1.value", message: "Two variants have the same value; overrides could not tell them apart." },
  ])("$message", ({ list, field, message }) => {
    expect(variantProblems(list)).toEqual([{ field, message }]);
  });
});

describe("definitionProblems", () => {
  it("checks what rules serve against the flag's type", () => {
    expect(definitionProblems({ variants: null, targetingRules: [{ id: "r1", condition: {}, serve: "small" }] })).toEqual([
      { field: "targetingRules.0.serve", message: 'A boolean flag serves "on" or "off".' },
    ]);
    expect(definitionProblems({ variants, targetingRules: [{ id: "r1", condition: {}, serve: "medium" }, { id: "r1", condition: {}, serve: "large" }] })).toEqual([
      { field: "targetingRules.0.serve", message: 'Serve "on", "off" or a variant key; "medium" is not one.' },
      { field: "targetingRules.1.id", message: 'The rule id "r1" is used twice.' },
    ]);
    expect(definitionProblems({ variants, targetingRules: [{ id: "a", condition: {}, serve: "off" }, { id: "b", condition: {} }] })).toEqual([]);
  });
});
