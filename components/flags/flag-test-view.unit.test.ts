import { describe, expect, it } from "vitest";
import { type FlagTestView, decisionText, overrideNote } from "./flag-test-view";

const base: FlagTestView = {
  enabled: true,
  value: true,
  variant: "on",
  reason: "SPLIT",
  decidedBy: { kind: "rollout" },
  rule: null,
  userOverride: null,
};

describe("decisionText", () => {
  it.each([
    [{ ...base, decidedBy: { kind: "status" }, reason: "DISABLED" } as FlagTestView, "The flag is off"],
    [{ ...base, decidedBy: { kind: "override" }, userOverride: { value: true, expiresAt: null, reason: "QA", active: true } } as FlagTestView, "This user's override (QA)."],
    [{ ...base, decidedBy: { kind: "rule", ruleId: "r", index: 1 }, rule: { id: "r", index: 1, description: "Beta" } } as FlagTestView, "Rule 2 “Beta”"],
    [base, "within the 25% rollout"],
    [{ ...base, reason: "DEFAULT", enabled: false, value: false } as FlagTestView, "outside the 25% rollout"],
  ])("names what decided (%#)", (view, expected) => {
    expect(decisionText(view, 25)).toContain(expected);
  });
});

describe("overrideNote", () => {
  const expired = { value: true, expiresAt: "2020-01-01T00:00:00.000Z", reason: null, active: false };
  it("says an expired override was not applied", () => {
    expect(overrideNote({ ...base, userOverride: expired })).toMatch(/expired/);
  });
  it("says nothing when the override decided or there is none", () => {
    expect(overrideNote({ ...base, decidedBy: { kind: "override" }, userOverride: { ...expired, active: true } })).toBeNull();
    expect(overrideNote(base)).toBeNull();
  });
  it("explains a live override of a switched-off flag", () => {
    expect(overrideNote({ ...base, decidedBy: { kind: "status" }, userOverride: { ...expired, active: true } })).toMatch(/only while the flag is on/);
  });
});
