import { describe, expect, it } from "vitest";
import { hash } from "@/core/assignment/hash";
import { type TestableExperiment, testUser } from "./test-user-result";

const experiment: TestableExperiment = {
  key: "checkout",
  status: "ACTIVE",
  targetingRules: { country: { $in: ["US", "CA"] } },
  variants: [
    { id: "a", name: "control", trafficAllocation: 50 },
    { id: "b", name: "treatment", trafficAllocation: 50 },
  ],
};

// The panel must agree with the API: bucket = hash(key, userId), control below 0.5.
const expectedVariant = (userId: string) => ((hash("checkout", userId, 2) ?? 0) < 0.5 ? "control" : "treatment");

describe("testUser", () => {
  it.each(["u1", "u2", "u3", "alice", "bob"])("enrolls %s in the variant the hash gives", (userId) => {
    expect(testUser(experiment, userId, '{"country": "US"}')).toEqual({ kind: "enrolled", message: `Enrolled in variant ${expectedVariant(userId)}` });
  });

  it("says when targeting does not match", () => {
    expect(testUser(experiment, "u1", '{"country": "FR"}')).toMatchObject({ kind: "not-enrolled", message: expect.stringMatching(/^Not enrolled: .*targeting/i) });
  });

  it("says what would happen once a draft is started", () => {
    const result = testUser({ ...experiment, status: "DRAFT" }, "u1", '{"country": "CA"}');
    expect(result).toEqual({ kind: "not-active", message: `Experiment is not active (would enroll in ${expectedVariant("u1")} once active)` });
  });

  it("rejects a missing user id and context that is not a JSON object", () => {
    expect(testUser(experiment, " ", "{}")).toMatchObject({ kind: "invalid", field: "userId" });
    expect(testUser(experiment, "u1", "{nope")).toMatchObject({ kind: "invalid", field: "context" });
    expect(testUser(experiment, "u1", "[1, 2]")).toMatchObject({ kind: "invalid", field: "context" });
  });
});
