import { describe, expect, it } from "vitest";
import { formatConditionText, parseConditionText } from "./condition-text";

describe("parseConditionText", () => {
  it.each([
    ["", null],
    ["  \n", null],
    ["null", null],
    ["{}", null],
    ['{"plan": "pro"}', { plan: "pro" }],
    ['{"$or": [{"a": 1}, {"b": {"$in": ["x"]}}]}', { $or: [{ a: 1 }, { b: { $in: ["x"] } }] }],
  ])("%j is accepted", (text, condition) => {
    expect(parseConditionText(text)).toEqual({ ok: true, condition });
  });

  it.each([
    ['{"plan": "pro"', /^Not valid JSON: /],
    ["[1, 2]", /^A condition must be a JSON object, got an array$/],
    ['"pro"', /^A condition must be a JSON object, got string$/],
    ['{"country": {"$gt": true}}', /^At country\.\$gt: expects a number or a string, got boolean$/],
    ['{"$and": [{"father.age": {"$regex": "("}}]}', /^At \$and\[0\]\["father\.age"\]\.\$regex: is not a valid regular expression/],
    ['{"plan": {"$ni": ["a"]}}', /^At plan\.\$ni: unknown operator "\$ni"$/],
  ])("%j is refused with its path", (text, error) => {
    const result = parseConditionText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});

describe("formatConditionText", () => {
  it("indents a condition and leaves everyone empty", () => {
    expect(formatConditionText(null)).toBe("");
    expect(formatConditionText({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
