import { describe, expect, it } from "vitest";
import { splitUrlProblem, variantUrl } from "./split-url";

describe("splitUrlProblem and variantUrl", () => {
  it.each<[string, Record<string, unknown>, string | null]>([
    ["https", { url: "https://example.com/checkout?v=b" }, null],
    ["http with a port", { url: "http://localhost:3000/a" }, null],
    ["missing", {}, 'needs a "url": an absolute http(s) address, such as https://example.com/page'],
    ["empty", { url: "" }, 'needs a "url": an absolute http(s) address, such as https://example.com/page'],
    ["null", { url: null }, 'needs a "url": an absolute http(s) address, such as https://example.com/page'],
    ["a number", { url: 42 }, 'has a "url" that is not text; it needs an absolute http(s) address, such as https://example.com/page'],
    ["relative", { url: "/checkout" }, 'has a "url" that is not an absolute http(s) address, such as https://example.com/page'],
    ["javascript:", { url: "javascript:alert(1)" }, 'has a "url" that is not an absolute http(s) address, such as https://example.com/page'],
    ["ftp", { url: "ftp://example.com/file" }, 'has a "url" that is not an absolute http(s) address, such as https://example.com/page'],
    ["padded", { url: " https://example.com" }, 'has a "url" that is not an absolute http(s) address, such as https://example.com/page'],
  ])("%s", (_title, configuration, problem) => {
    expect(splitUrlProblem(configuration)).toBe(problem);
    expect(variantUrl(configuration)).toBe(problem === null ? configuration.url : null);
  });
});
