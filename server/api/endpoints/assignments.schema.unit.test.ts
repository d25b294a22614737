import { describe, expect, it } from "vitest";
import { acceptedAssignmentsRequest, assignmentsRequestSchema } from "./assignments.schema";

const long = (n: number) => "u".repeat(n);

/** Requests the schema accepts and the hand check must accept with the same answer. */
const accepted: unknown[] = [
  { userId: "u1" },
  { userId: long(256) },
  { userId: "u1", experiments: [] },
  { userId: "u1", experiments: ["a", "b", "a"] },
  { userId: "u1", experiments: Array.from({ length: 100 }, (_, i) => `e${i}`) },
  { userId: "u1", context: {} },
  { userId: "u1", context: { country: "US", plan: null, n: 3, nested: { a: [1] } } },
  { userId: "u1", context: Object.create(null) as Record<string, unknown> },
  { userId: "u1", extra: "dropped", experiments: ["x"], context: { a: 1 } },
  { userId: "é🙂" },
];

/** Requests the schema refuses: the hand check must pass them to the schema (null), never accept them. */
const refused: unknown[] = [
  undefined,
  null,
  "u1",
  [],
  [{ userId: "u1" }],
  {},
  { userId: "" },
  { userId: long(257) },
  { userId: 1 },
  { userId: null },
  { userId: "u1", context: [] },
  { userId: "u1", context: "US" },
  { userId: "u1", context: null },
  { userId: "u1", experiments: "a" },
  { userId: "u1", experiments: [""] },
  { userId: "u1", experiments: [1] },
  { userId: "u1", experiments: null },
  { userId: "u1", experiments: Array.from({ length: 101 }, (_, i) => `e${i}`) },
  new Date(),
];

describe("acceptedAssignmentsRequest", () => {
  it.each(accepted.map((input) => [JSON.stringify(input)?.slice(0, 60), input]))("accepts %s as the schema does", (_, input) => {
    const schema = assignmentsRequestSchema.safeParse(input);
    expect(schema.success).toBe(true);
    expect(acceptedAssignmentsRequest(input)).toEqual(schema.data);
  });

  it.each(refused.map((input) => [String(JSON.stringify(input)).slice(0, 60), input]))("leaves %s to the schema, which refuses it", (_, input) => {
    expect(assignmentsRequestSchema.safeParse(input).success).toBe(false);
    expect(acceptedAssignmentsRequest(input)).toBeNull();
  });

  it("leaves a __proto__ attribute (parsed from JSON as an own key) to the schema", () => {
    const input = JSON.parse('{"userId":"u1","context":{"__proto__":{"x":1}}}') as unknown;
    expect(acceptedAssignmentsRequest(input)).toBeNull();
  });
});
