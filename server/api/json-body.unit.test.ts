import { describe, expect, it } from "vitest";
import { parseJsonBody } from "./json-body";

describe("parseJsonBody", () => {
  it("parses JSON and treats an empty body as none", () => {
    expect(parseJsonBody('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonBody("  ")).toEqual({ ok: true, value: undefined });
  });

  it.each([
    ['{"password": "hunter2-secret", oops}', 31, 1, 32],
    ['{\n  "a": 1,\n  b: 2\n}', 14, 3, 3],
    ['{"a": ', 6, 1, 7],
  ])("says invalid JSON with where, never the parser's words or the body: %j", (text, position, line, column) => {
    const result = parseJsonBody(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.response).toEqual({
      status: 400,
      body: {
        error: {
          code: "invalid_json",
          message: `The request body is invalid JSON at position ${position} (line ${line}, column ${column}).`,
          details: { position, line, column },
        },
      },
    });
    expect(JSON.stringify(result.response)).not.toMatch(/hunter2|Unexpected|Expected/);
  });
});
