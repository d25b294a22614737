import { describe, expect, it } from "vitest";
import { classifyPattern, escapeRegex, literalText, parseBoolean, parseNumber, toJsonScalar } from "./rule-values";

describe("escapeRegex / literalText", () => {
  it.each([
    ["plain", "plain"],
    ["a.b", "a\\.b"],
    ["1+1=2?", "1\\+1=2\\?"],
    ["(x|y)[z]{2}", "\\(x\\|y\\)\\[z\\]\\{2\\}"],
    ["^start$", "\\^start\\$"],
    ["back\\slash", "back\\\\slash"],
    ["*", "\\*"],
    ["-12-25 /path", "-12-25 /path"],
  ])("%s ↔ %s", (text, pattern) => {
    expect(escapeRegex(text)).toBe(pattern);
    expect(literalText(pattern)).toBe(text);
    expect(new RegExp(pattern).test(`xx${text}yy`)).toBe(true);
  });

  it.each([["a.b"], ["\\d+"], ["(a|b)"], ["a\\-b"], ["x*"], ["trailing\\"]])("%s is not a literal", (pattern) => {
    expect(literalText(pattern)).toBeNull();
  });
});

describe("classifyPattern", () => {
  it.each([
    ["bot", { kind: "contains", text: "bot" }],
    ["", { kind: "contains", text: "" }],
    ["@acme\\.com", { kind: "contains", text: "@acme.com" }],
    ["^/docs", { kind: "starts_with", text: "/docs" }],
    ["-12-25$", { kind: "ends_with", text: "-12-25" }],
    ["\\$5$", { kind: "ends_with", text: "$5" }],
    ["^exact$", { kind: "regex" }],
    ["(Mobile|Tablet)", { kind: "regex" }],
    ["^a.b", { kind: "regex" }],
  ])("%s", (pattern, expected) => {
    expect(classifyPattern(pattern)).toEqual(expected);
  });
});

describe("parsing typed text", () => {
  it.each([
    ["42", 42],
    [" -1.5 ", -1.5],
    ["1e3", 1000],
    ["", null],
    ["  ", null],
    ["abc", null],
    ["Infinity", null],
    ["1,5", null],
  ])("parseNumber(%j) = %j", (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it.each([
    ["true", true],
    [" FALSE ", false],
    ["yes", null],
  ])("parseBoolean(%j) = %j", (text, expected) => {
    expect(parseBoolean(text)).toBe(expected);
  });

  it.each([
    ["string", "42", "42"],
    ["number", "42", 42],
    ["number", "4x", "4x"],
    ["boolean", "false", false],
    ["boolean", "maybe", "maybe"],
  ] as const)("toJsonScalar(%s, %j) = %j", (valueType, text, expected) => {
    expect(toJsonScalar(valueType, text)).toBe(expected);
  });
});
