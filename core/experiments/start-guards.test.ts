import { describe, expect, it } from "vitest";
import { type GuardedExperiment, type GuardedVariant, checkStartGuards } from "./start-guards";

const now = new Date("2030-06-01T12:00:00.000Z");

function variant(name: string, overrides: Partial<GuardedVariant> = {}): GuardedVariant {
  return { name, isControl: false, trafficAllocation: 50, configuration: {}, ...overrides };
}

function experiment(overrides: Partial<GuardedExperiment> = {}): GuardedExperiment {
  return {
    experimentType: "A_B",
    endDate: null,
    variants: [variant("control", { isControl: true }), variant("treatment")],
    metrics: [{ isPrimary: false }, { isPrimary: true }],
    ...overrides,
  };
}

describe("checkStartGuards", () => {
  it("passes a ready experiment", () => {
    expect(checkStartGuards(experiment(), now)).toEqual([]);
  });

  it.each<[string, Partial<GuardedExperiment>, { guard: string; field: string; message: string }[]]>([
    [
      "one variant",
      { variants: [variant("control", { isControl: true })] },
      [{ guard: "variant_count", field: "variants", message: "An experiment needs at least 2 variants to start; it has 1." }],
    ],
    [
      "no control",
      { variants: [variant("a"), variant("b")] },
      [{ guard: "single_control", field: "variants", message: "Exactly one variant must be the control; none is." }],
    ],
    [
      "two controls",
      { variants: [variant("a", { isControl: true }), variant("b", { isControl: true })] },
      [{ guard: "single_control", field: "variants", message: "Exactly one variant must be the control; 2 are." }],
    ],
    [
      "no traffic",
      { variants: [variant("a", { isControl: true, trafficAllocation: 0 }), variant("b", { trafficAllocation: 0 })] },
      [
        {
          guard: "allocation_total",
          field: "variants",
          message: "The variants' traffic allocations total 0%; they must total more than 0% and at most 100%.",
        },
      ],
    ],
    [
      "more than 100%",
      { variants: [variant("a", { isControl: true, trafficAllocation: 60 }), variant("b", { trafficAllocation: 40.5 })] },
      [
        {
          guard: "allocation_total",
          field: "variants",
          message: "The variants' traffic allocations total 100.5%; they must total more than 0% and at most 100%.",
        },
      ],
    ],
    [
      "no primary metric",
      { metrics: [{ isPrimary: false }] },
      [{ guard: "primary_metric", field: "metricDefinitions", message: "At least one metric must be primary." }],
    ],
    [
      "an end date that has passed",
      { endDate: now },
      [
        {
          guard: "end_date",
          field: "endDate",
          message: "The end date (2030-06-01T12:00:00.000Z) has passed; move it later or clear it.",
        },
      ],
    ],
    [
      "split URLs missing or not absolute http(s)",
      {
        experimentType: "SPLIT_URL",
        variants: [
          variant("control", { isControl: true, configuration: { url: "https://example.com/a" } }),
          variant("b", { configuration: {} }),
          variant("c", { trafficAllocation: 0, configuration: { url: "/relative" } }),
        ],
      },
      [
        {
          guard: "split_urls",
          field: "variants.1.configuration.url",
          message: 'Variant "b": its configuration needs a "url": an absolute http(s) address, such as https://example.com/page.',
        },
        {
          guard: "split_urls",
          field: "variants.2.configuration.url",
          message: 'Variant "c": its configuration has a "url" that is not an absolute http(s) address, such as https://example.com/page.',
        },
      ],
    ],
  ])("fails on %s", (_title, overrides, failures) => {
    expect(checkStartGuards(experiment(overrides), now)).toEqual(failures);
  });

  it("accepts allocations summing to 100 in floating point", () => {
    const thirds = [variant("a", { isControl: true, trafficAllocation: 33.3 }), variant("b", { trafficAllocation: 33.3 }), variant("c", { trafficAllocation: 33.4 })];
    expect(checkStartGuards(experiment({ variants: thirds }), now)).toEqual([]);
  });

  it("ignores URLs for other experiment types and future end dates", () => {
    expect(checkStartGuards(experiment({ endDate: new Date(now.getTime() + 1) }), now)).toEqual([]);
  });
});
