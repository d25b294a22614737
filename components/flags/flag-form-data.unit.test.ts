import { describe, expect, it } from "vitest";
import { createFlagSchema } from "@/server/services/flags/flag.schema";
import { checkFlagForm, readFlagForm, readOverrideForm, typedValue, valueText, valueTypeOf } from "./flag-form-data";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe("typedValue", () => {
  it.each([
    ["boolean", "true", true],
    ["boolean", "false", false],
    ["string", "blue", "blue"],
    ["string", "42", "42"],
    ["number", "1.5", 1.5],
    ["number", "-3", -3],
    ["json", '{"a": [1, 2]}', { a: [1, 2] }],
  ])("reads %s %j", (type, raw, expected) => {
    expect(typedValue(type, raw)).toEqual({ value: expected });
  });

  it.each([
    ["boolean", "yes", "Choose true or false."],
    ["string", "", "Enter a text value."],
    ["number", "abc", "Enter a number"],
    ["number", "", "Enter a number"],
    ["json", "{bad", "Not valid JSON: line 1, column 2"],
  ])("refuses %s %j", (type, raw, message) => {
    const result = typedValue(type, raw);
    expect("problem" in result && result.problem).toContain(message);
  });
});

describe("valueTypeOf and valueText round-trip what typedValue reads", () => {
  it.each([[true], ["text"], [3.25], [{ color: "green" }]])("%j", (value) => {
    expect(typedValue(valueTypeOf(value), valueText(value))).toEqual({ value });
  });
});

describe("readFlagForm", () => {
  it("reads a boolean flag: variants null, tags split, owner blank is none", () => {
    const { input, problems } = readFlagForm(form({ key: "k", name: "N", tags: "a, b,, a", ownerId: "", flagType: "boolean", rolloutPercentage: "25" }));
    expect(problems).toEqual({});
    expect(input).toEqual({ key: "k", name: "N", tags: ["a", "b", "a"], ownerId: null, variants: null, rolloutPercentage: 25 });
  });

  it("reads typed variant rows in order, and reports a value that does not read at its field", () => {
    const { input, problems } = readFlagForm(
      form({
        flagType: "multivariate",
        "variants.1.key": "b",
        "variants.1.type": "number",
        "variants.1.value": "x",
        "variants.1.weight": "50",
        "variants.0.key": "a",
        "variants.0.type": "json",
        "variants.0.value": '{"n": 1}',
        "variants.0.weight": "50",
      }),
    );
    expect(input.variants).toEqual([
      { key: "a", value: { n: 1 }, weight: 50 },
      { key: "b", value: "", weight: 50 },
    ]);
    expect(problems).toEqual({ "variants.1.value": ["Enter a number, such as 3 or 0.5."] });
  });

  it("reads rules only when the rules form sent them, a blank percentage as none", () => {
    expect(readFlagForm(form({ name: "x" })).input.targetingRules).toBeUndefined();
    const { input } = readFlagForm(
      form({ "rules.present": "1", "targetingRules.0.id": "r1", "targetingRules.0.condition": '{"plan":"beta"}', "targetingRules.0.serve": "off", "targetingRules.0.rolloutPercentage": "", "targetingRules.0.description": "Beta" }),
    );
    expect(input.targetingRules).toEqual([{ id: "r1", condition: { plan: "beta" }, serve: "off", rolloutPercentage: null, description: "Beta" }]);
  });
});

describe("readOverrideForm", () => {
  it("parses the value as JSON and a blank expiry as never", () => {
    expect(readOverrideForm(form({ userId: "u", value: "true", reason: "", expiresAt: "" })).input).toEqual({ userId: "u", value: true, reason: "", expiresAt: null });
  });
  it("says when no value was chosen", () => {
    expect(readOverrideForm(form({ userId: "u", value: "" })).problems).toEqual({ value: ["Choose a value."] });
  });
});

describe("checkFlagForm", () => {
  const check = checkFlagForm(readFlagForm, createFlagSchema);
  it("passes a good create form", () => {
    expect(check(form({ key: "ok", name: "OK", flagType: "boolean", rolloutPercentage: "0" }))).toBeNull();
  });
  it("reports weights that do not add up to 100 (the schema's cross-field check)", () => {
    const errors = check(
      form({ key: "ok", name: "OK", flagType: "multivariate", "variants.0.key": "a", "variants.0.type": "string", "variants.0.value": "a", "variants.0.weight": "50", "variants.1.key": "b", "variants.1.type": "string", "variants.1.value": "b", "variants.1.weight": "40", rolloutPercentage: "0" }),
    );
    expect(errors?.variants).toEqual(["Variant weights must sum to 100; they sum to 90."]);
  });
  it("keeps the typed-value problem rather than the schema's vaguer one", () => {
    const errors = check(form({ key: "ok", name: "OK", flagType: "multivariate", "variants.0.key": "a", "variants.0.type": "json", "variants.0.value": "{", "variants.0.weight": "100" }));
    expect(errors?.["variants.0.value"]?.[0]).toMatch(/^Not valid JSON: line 1/);
  });
});
