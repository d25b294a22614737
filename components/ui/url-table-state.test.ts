import { describe, expect, it } from "vitest";
import { ariaSortOf, listHref, sortChange, sortingOf, withChanges, type SortColumns } from "./url-table-state";

const columns: SortColumns = { fields: { key: "key", updatedAt: "updated", rolloutPercentage: "rollout" }, descendingFirst: ["updatedAt", "rolloutPercentage"] };

describe("sortingOf", () => {
  it("maps the service's sort field back to its column", () => {
    expect(sortingOf(columns, "updated", "desc")).toEqual([{ id: "updatedAt", desc: true }]);
    expect(sortingOf(columns, "key", "asc")).toEqual([{ id: "key", desc: false }]);
  });
  it("is empty when no column shows the field", () => {
    expect(sortingOf(columns, "owner", "asc")).toEqual([]);
  });
});

describe("sortChange", () => {
  it.each([
    { column: "key", sort: "updated", direction: "desc", want: "asc", why: "a new text column starts ascending" },
    { column: "updatedAt", sort: "key", direction: "asc", want: "desc", why: "a new date column starts newest first" },
    { column: "rolloutPercentage", sort: "key", direction: "desc", want: "desc", why: "a new number column starts largest first" },
    { column: "key", sort: "key", direction: "asc", want: "desc", why: "the sorted column flips" },
    { column: "updatedAt", sort: "updated", direction: "desc", want: "asc", why: "the sorted date column flips too" },
  ] as const)("$why", ({ column, sort, direction, want }) => {
    expect(sortChange(columns, column, sort, direction)).toEqual({ sort: columns.fields[column], direction: want, page: "1" });
  });
  it("ignores a column that does not sort", () => {
    expect(sortChange(columns, "tags", "key", "asc")).toBeNull();
  });
});

describe("withChanges", () => {
  it("sets the changed parameters and keeps the filters", () => {
    expect(withChanges("search=checkout&status=ACTIVE&page=3", { page: "4" })).toBe("search=checkout&status=ACTIVE&page=4");
    expect(withChanges("", { sort: "key", direction: "asc" })).toBe("sort=key&direction=asc");
  });
  it("encodes values", () => {
    expect(withChanges("tag=a%26b", { search: "100% off" })).toBe("tag=a%26b&search=100%25+off");
  });
});

describe("listHref", () => {
  it("drops empty values and the page, so a filter change starts at page 1", () => {
    expect(listHref("/flags", { search: "x", status: undefined, tag: "" }, { status: "ACTIVE" })).toBe("/flags?search=x&status=ACTIVE");
    expect(listHref("/flags", { status: "ACTIVE" }, { status: undefined })).toBe("/flags");
  });
});

describe("ariaSortOf", () => {
  it("says how a sortable column is sorted, and nothing for the others", () => {
    const sorting = [{ id: "key", desc: true }];
    expect(ariaSortOf(sorting, "key", true)).toBe("descending");
    expect(ariaSortOf(sorting, "updatedAt", true)).toBe("none");
    expect(ariaSortOf(sorting, "tags", false)).toBeUndefined();
  });
});
