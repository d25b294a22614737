import { describe, expect, it } from "vitest";
import { splitUrlProblem, variantUrl } from "./split-url";

describe("splitUrlProblem and variantUrl", () => {
  it.each<[string, Record<string, unknown>, string | null]>([
    ["https", { url: "https://example.com/checkout?v=b" }, null],
    ["http with a port", { url: "http://localhost:3000/a" }, null],
    ["missing", {}, "needs a url in its configuration"],
    ["empty", { url: "" }, "needs a url in its configuration"],
    ["null", { url: null }, "needs a url in its configuration"],
    ["a number", { url: 42 }, "needs configuration.url to be a string"],
    ["relative", { url: "/checkout" }, "needs an absolute http(s) URL in configuration.url, such as https://example.com/page"],
    ["javascript:", { url: "javascript:alert(1)" }, "needs an absolute http(s) URL in configuration.url, such as https://example.com/page"],
    ["ftp", { url: "ftp://example.com/file" }, "needs an absolute http(s) URL in configuration.url, such as https://example.com/page"],
    ["padded", { url: " https://example.com" }, "needs an absolute http(s) URL in configuration.url, such as https://example.com/page"],
  ])("%s", (_title, configuration, problem) => {
    expect(splitUrlProblem(configuration)).toBe(problem);
    expect(variantUrl(configuration)).toBe(problem === null ? configuration.url : null);
  });
});
