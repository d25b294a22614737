import { describe, expect, it } from "vitest";
import { arrayLiteral } from "@/db/raw-sql";
import { checkEvents, DEFAULT_EVENTS_MAX_AGE_DAYS, type EventDefinitions, eventsMaxAgeDays } from "./check-events";

const EXPERIMENT_ID = "11111111-1111-4111-8111-111111111111";
const CONTROL_ID = "22222222-2222-4222-8222-222222222222";
const GREEN_ID = "33333333-3333-4333-8333-333333333333";
const FLAG_ID = "44444444-4444-4444-8444-444444444444";

const definitions: EventDefinitions = {
  experiments: new Map([
    [
      "checkout",
      {
        id: EXPERIMENT_ID,
        variants: [
          { id: CONTROL_ID, name: "control", isControl: true, trafficAllocation: 50, configuration: {} },
          { id: GREEN_ID, name: "green", isControl: false, trafficAllocation: 50, configuration: {} },
        ],
      },
    ],
  ]),
  featureFlagIds: (key) => (key === "new-nav" ? FLAG_ID : undefined),
};
const now = new Date("2026-03-01T12:00:00.000Z");
const context = { source: "key-1", now, maxAgeDays: 30 };
const check = (...events: unknown[]) => checkEvents(events, definitions, context);
const reason = (event: unknown) => check(event).rejected[0]?.error;

describe("checkEvents", () => {
  it("resolves keys and names to ids and fills in the receipt time", () => {
    const { rows, rejected } = check(
      { eventType: "purchase", userId: "u1", experiment: "checkout", variant: "green", value: 12.5, metadata: { currency: "EUR" }, id: "order-1" },
      { eventType: "page_view", userId: "u2", featureFlag: "new-nav", timestamp: "2026-03-01T13:00:00+02:00" },
    );
    expect(rejected).toEqual([]);
    expect(rows[0]).toMatchObject({
      eventType: "purchase",
      userId: "u1",
      experimentId: EXPERIMENT_ID,
      variantId: GREEN_ID,
      featureFlagId: null,
      value: 12.5,
      metadata: '{"currency":"EUR"}',
      source: "key-1",
      clientEventId: "order-1",
      occurredAt: "2026-03-01T12:00:00.000Z",
    });
    // An offset is an instant like any other: stored in UTC.
    expect(rows[1]).toMatchObject({ featureFlagId: FLAG_ID, experimentId: null, variantId: null, value: null, metadata: null, clientEventId: null, occurredAt: "2026-03-01T11:00:00.000Z" });
    expect(rows[0]?.id).not.toBe(rows[1]?.id);
  });

  it.each([
    ["not an object", "purchase", "An event must be a JSON object."],
    ["no eventType", { userId: "u" }, "eventType is required."],
    ["empty eventType", { eventType: "", userId: "u" }, "eventType must not be empty."],
    ["long eventType", { eventType: "e".repeat(201), userId: "u" }, "eventType has at most 200 characters."],
    ["no userId", { eventType: "e" }, "userId is required."],
    ["numeric userId", { eventType: "e", userId: 7 }, "userId must be a string."],
    ["long userId", { eventType: "e", userId: "u".repeat(257) }, "userId has at most 256 characters."],
    ["text value", { eventType: "e", userId: "u", value: "12" }, "value must be a finite number."],
    ["list metadata", { eventType: "e", userId: "u", metadata: [1] }, "metadata must be a JSON object."],
    ["null metadata", { eventType: "e", userId: "u", metadata: null }, "metadata must be a JSON object."],
    ["big metadata", { eventType: "e", userId: "u", metadata: { text: "x".repeat(4_100) } }, "metadata is larger than 4096 bytes as JSON."],
    ["deep metadata", { eventType: "e", userId: "u", metadata: JSON.parse(`{"a":${"[".repeat(40)}${"]".repeat(40)}}`) as unknown }, "metadata nests deeper than 32 levels."],
    ["NUL in metadata", { eventType: "e", userId: "u", metadata: { a: "x\u0000y" } }, "metadata holds text with a NUL character or an unpaired surrogate."],
    ["lone surrogate key", { eventType: "e", userId: "u", metadata: { "\ud800": 1 } }, "metadata holds a key with a NUL character or an unpaired surrogate."],
    ["NUL in userId", { eventType: "e", userId: "u\u0000" }, "userId must not hold a NUL character or an unpaired surrogate."],
    ["long id", { eventType: "e", userId: "u", id: "i".repeat(201) }, "id has at most 200 characters."],
    ["date without time", { eventType: "e", userId: "u", timestamp: "2026-03-01" }, "timestamp must be an ISO-8601 time with a zone, like 2026-01-31T12:00:00Z."],
    ["time without zone", { eventType: "e", userId: "u", timestamp: "2026-03-01T12:00:00" }, "timestamp must be an ISO-8601 time with a zone, like 2026-01-31T12:00:00Z."],
    ["too far ahead", { eventType: "e", userId: "u", timestamp: "2026-03-02T12:00:01Z" }, "timestamp: 2026-03-02T12:00:01Z is more than a day in the future."],
    ["too old", { eventType: "e", userId: "u", timestamp: "2026-01-30T11:59:59Z" }, "timestamp: 2026-01-30T11:59:59Z is older than 30 days, the oldest events this server takes (EVENTS_MAX_AGE_DAYS)."],
    ["unknown experiment", { eventType: "e", userId: "u", experiment: "nope" }, 'experiment: no running experiment has the key "nope".'],
    ["unknown variant", { eventType: "e", userId: "u", experiment: "checkout", variant: "blue" }, 'variant: experiment "checkout" has no variant "blue".'],
    ["variant alone", { eventType: "e", userId: "u", variant: "green" }, 'variant: "green" needs its experiment: send "experiment" too.'],
    ["unknown flag", { eventType: "e", userId: "u", featureFlag: "old-nav" }, 'featureFlag: no feature flag has the key "old-nav".'],
  ])("rejects %s with a reason", (_, event, expected) => {
    expect(reason(event)).toBe(expected);
  });

  it("takes the edges of the time window", () => {
    expect(check({ eventType: "e", userId: "u", timestamp: "2026-03-02T12:00:00Z" }, { eventType: "e", userId: "u", timestamp: "2026-01-30T12:00:00Z" }).rejected).toEqual([]);
  });

  it("lists rejected events by index and keeps the rest", () => {
    const { rows, rejected } = check({ eventType: "a", userId: "u" }, { userId: "u" }, { eventType: "c", userId: "u" }, 42);
    expect(rows.map((r) => r.eventType)).toEqual(["a", "c"]);
    expect(rejected).toEqual([
      { index: 1, error: "eventType is required." },
      { index: 3, error: "An event must be a JSON object." },
    ]);
  });
});

describe("eventsMaxAgeDays", () => {
  it("defaults, takes a positive number, and refuses anything else", () => {
    expect(eventsMaxAgeDays(undefined)).toBe(DEFAULT_EVENTS_MAX_AGE_DAYS);
    expect(eventsMaxAgeDays("  ")).toBe(DEFAULT_EVENTS_MAX_AGE_DAYS);
    expect(eventsMaxAgeDays("90")).toBe(90);
    expect(() => eventsMaxAgeDays("0")).toThrow('EVENTS_MAX_AGE_DAYS must be a positive number of days (got "0").');
    expect(() => eventsMaxAgeDays("a month")).toThrow("EVENTS_MAX_AGE_DAYS must be a positive number of days");
  });
});

describe("arrayLiteral", () => {
  it("quotes every text so commas, braces, quotes and backslashes survive, and writes NULL for null", () => {
    expect(arrayLiteral(["a", 'b,"c', "{x}", "back\\slash", null, ""])).toBe('{"a","b,\\"c","{x}","back\\\\slash",NULL,""}');
    expect(arrayLiteral([1.5, null, -2e-7])).toBe("{1.5,NULL,-2e-7}");
    expect(arrayLiteral([])).toBe("{}");
  });
});
