import { describe, expect, it } from "vitest";
import type { Group } from "./builder-model";
import { summarizeBuilder } from "./summarize-builder";
import { all, any, not, rule } from "./tree-fixtures";

describe("summarizeBuilder", () => {
  const cases: Array<[Group, string]> = [
    [all(), "Everyone is eligible"],
    [any(), "Everyone is eligible"],
    [
      all(rule("country", "$in", "string", ["US", "CA"]), rule("plan", "equals", "string", "pro")),
      'country is one of US, CA AND plan equals "pro"',
    ],
    [any(rule("age", "$gte", "number", "18"), rule("beta", "equals", "boolean", "true")), "age is at least 18 OR beta equals true"],
    [
      all(rule("email", "exists"), any(rule("a", "equals", "number", "1"), rule("b", "equals", "number", "2"))),
      "email exists AND (a equals 1 OR b equals 2)",
    ],
    [all(not(any(rule("a", "equals", "number", "1"), rule("b", "equals", "number", "2")))), "NOT (a equals 1 OR b equals 2)"],
    [all(not(all(rule("bot", "equals", "boolean", "true")))), "NOT (bot equals true)"],
    [all(any(rule("a", "exists"))), "a exists"],
    [all(rule("a", "exists"), any()), "a exists AND everyone"],
    [all(rule("ua", "$regex", "string", "Mobi|Tablet")), "ua matches regex /Mobi|Tablet/"],
    [all(rule("version", "$vgte", "string", "2.0.0"), rule("tags", "$type", "string", "array")), "version is at least version 2.0.0 AND tags is of type array"],
    [all(rule("city", "$in", "string", ["Paris, TX", "Rome"])), 'city is one of "Paris, TX", Rome'],
    [all(rule("", "equals", "string", "")), '(attribute) equals ""'],
    [all(rule("n", "$in", "number", [])), "n is one of (no values)"],
  ];

  it.each(cases)("%#: %s", (group, expected) => {
    expect(summarizeBuilder(group)).toBe(expected);
  });
});
