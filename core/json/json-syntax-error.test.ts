import { describe, expect, it } from "vitest";
import { findJsonSyntaxError, jsonSyntaxMessage } from "./json-syntax-error";

describe("findJsonSyntaxError", () => {
  it.each([
    "{}",
    "[]",
    '{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]}',
    '  "text"  ',
    "0",
    '{\n  "nested": {"deep": [{}]}\n}',
  ])("accepts %j, as JSON.parse does", (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeNull();
  });

  it.each([
    ['{"alpha": 0.05', 1, 15, "expected ',' or '}' after the value, found the end of the text."],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}' after the value, found '\"'."],
    ["{a: 1}", 1, 2, "expected a property name in double quotes, found 'a'."],
    ["{'a': 1}", 1, 2, "expected a property name in double quotes, found a single quote (JSON strings use double quotes)."],
    ['{"a": 1,}', 1, 9, "a comma before '}' is not allowed."],
    ["[1, 2,]", 1, 7, "a comma before ']' is not allowed."],
    ['{"a" 1}', 1, 6, "expected ':' after the property name, found '1'."],
    ['{"a": green}', 1, 7, "'g' does not start a value (a string needs double quotes)."],
    ['{"a": "x', 1, 9, "the string is not closed: a '\"' is missing."],
    ["", 1, 1, "the text ends where a value was expected."],
    ["{} {}", 1, 4, "nothing may follow the value, found '{'."],
    ['"\\x"', 1, 2, "'x' cannot follow a backslash in a string."],
  ])("locates the error in %j at line %i, column %i", (text, line, column, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toEqual({ line, column, message });
  });

  it("words the message for a form", () => {
    expect(jsonSyntaxMessage('{"alpha": 0.05')).toBe("Not valid JSON: line 1, column 15: expected ',' or '}' after the value, found the end of the text.");
    expect(jsonSyntaxMessage("{}")).toBeNull();
  });
});
