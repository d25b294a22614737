import { describe, expect, it } from "vitest";
import { parseEventValuePath } from "./value-path";

describe("parseEventValuePath", () => {
  it.each<[string, (string | number)[]]>([
    ["a", ["a"]],
    ["a.b", ["a", "b"]],
    ["$.a.b[0]", ["a", "b", 0]],
    ["$.items[12].price", ["items", 12, "price"]],
    ["order_total", ["order_total"]],
    ['$["odd key"].x', ["odd key", "x"]],
    ["$['it\\'s']", ["it's"]],
    ["$[0]", [0]],
    ["a[1][2]", ["a", 1, 2]],
  ])("%s", (path, segments) => {
    expect(parseEventValuePath(path)).toEqual(segments);
  });

  it.each(["", "$", "$.", ".a", "a.", "a..b", "$a", "1a", "a[01]", "a[-1]", "a[x]", "a b", "$.a-b", '$[""]', "a[0", "$..a"])(
    "rejects %j",
    (path) => {
      expect(parseEventValuePath(path)).toBeNull();
    },
  );
});
