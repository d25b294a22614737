import { describe, expect, it } from "vitest";
import { hash } from "../assignment/hash";
import { chooseFlagVariant, evaluateFlag, type EvaluateFlagInput, rolloutBucket } from "./evaluate-flag";
import type { EvaluableFlag, FlagVariant } from "./flag-definition";

const NOW = new Date("2030-06-01T12:00:00.000Z");

function flag(overrides: Partial<EvaluableFlag> = {}): EvaluableFlag {
  return { key: "new-checkout", status: "ACTIVE", rolloutPercentage: 0, targetingRules: [], variants: null, ...overrides };
}

function evaluate(overrides: Partial<EvaluateFlagInput> = {}) {
  return evaluateFlag({ flag: flag(), userId: "user-1", context: {}, now: NOW, ...overrides });
}

/** The first user id of the form `user-N` whose rollout bucket for `key` satisfies `test`. */
function userWhere(key: string, test: (bucket: number) => boolean): string {
  for (let i = 0; i < 100_000; i++) if (test(hash(key, `user-${i}`))) return `user-${i}`;
  throw new Error("no such user");
}

const colors: FlagVariant[] = [
  { key: "red", value: "#f00", weight: 20 },
  { key: "green", value: "#0f0", weight: 30 },
  { key: "blue", value: { hex: "#00f" }, weight: 50 },
];

describe("evaluateFlag: every reason", () => {
  const low = userWhere("new-checkout", (b) => b < 0.25);
  const high = userWhere("new-checkout", (b) => b >= 0.25);
  it.each([
    { name: "inactive boolean flag", flag: flag({ status: "INACTIVE", rolloutPercentage: 100 }), user: low, want: { value: false, variant: "off", reason: "DISABLED", enabled: false } },
    { name: "inactive multivariate flag", flag: flag({ status: "INACTIVE", variants: colors, rolloutPercentage: 100 }), user: low, want: { value: undefined, variant: null, reason: "DISABLED", enabled: false } },
    { name: "inside the rollout", flag: flag({ rolloutPercentage: 25 }), user: low, want: { value: true, variant: "on", reason: "SPLIT", enabled: true } },
    { name: "outside the rollout", flag: flag({ rolloutPercentage: 25 }), user: high, want: { value: false, variant: "off", reason: "DEFAULT", enabled: false } },
    { name: "multivariate outside the rollout", flag: flag({ rolloutPercentage: 25, variants: colors }), user: high, want: { value: undefined, variant: null, reason: "DEFAULT", enabled: false } },
    { name: "0% takes nobody", flag: flag({ rolloutPercentage: 0 }), user: userWhere("new-checkout", (b) => b === 0), want: { value: false, reason: "DEFAULT" } },
    { name: "100% takes everybody", flag: flag({ rolloutPercentage: 100 }), user: userWhere("new-checkout", (b) => b >= 0.9999), want: { value: true, reason: "SPLIT" } },
  ])("$name", ({ flag: f, user, want }) => {
    expect(evaluate({ flag: f, userId: user })).toMatchObject(want);
  });

  it("a matching rule serves on with TARGETING_MATCH and names itself", () => {
    const f = flag({ targetingRules: [{ id: "r-beta", condition: { plan: "beta" } }] });
    expect(evaluate({ flag: f, context: { plan: "beta" } })).toEqual({
      enabled: true,
      value: true,
      variant: "on",
      reason: "TARGETING_MATCH",
      decidedBy: { kind: "rule", ruleId: "r-beta", index: 0 },
      override: false,
    });
    expect(evaluate({ flag: f, context: { plan: "free" } })).toMatchObject({ reason: "DEFAULT", decidedBy: { kind: "rollout" } });
  });

  it("a rule can serve off, or a variant by key", () => {
    const offRule = flag({ rolloutPercentage: 100, targetingRules: [{ id: "r", condition: { country: "FR" }, serve: "off" }] });
    expect(evaluate({ flag: offRule, context: { country: "FR" } })).toMatchObject({ value: false, variant: "off", reason: "TARGETING_MATCH", enabled: false });
    const variantRule = flag({ variants: colors, targetingRules: [{ id: "r", condition: {}, serve: "blue" }] });
    expect(evaluate({ flag: variantRule })).toMatchObject({ value: { hex: "#00f" }, variant: "blue", reason: "TARGETING_MATCH", enabled: true });
  });

  it("a rule serving a variant the flag no longer has is skipped", () => {
    const f = flag({ variants: colors, rolloutPercentage: 0, targetingRules: [{ id: "gone", condition: {}, serve: "purple" }] });
    expect(evaluate({ flag: f })).toMatchObject({ reason: "DEFAULT", value: undefined });
  });

  it("conditions see the user id as `id`, over an `id` in the context", () => {
    const f = flag({ targetingRules: [{ id: "r", condition: { id: { $in: ["user-1", "user-2"] } } }] });
    expect(evaluate({ flag: f, userId: "user-2", context: { id: "someone-else" } }).reason).toBe("TARGETING_MATCH");
    expect(evaluate({ flag: f, userId: "user-3", context: { id: "user-1" } }).reason).toBe("DEFAULT");
  });

  it("rules apply in order: the first that serves wins", () => {
    const f = flag({
      targetingRules: [
        { id: "first", condition: { plan: "beta" }, serve: "off" },
        { id: "second", condition: {}, serve: "on" },
      ],
    });
    expect(evaluate({ flag: f, context: { plan: "beta" } }).decidedBy).toEqual({ kind: "rule", ruleId: "first", index: 0 });
    expect(evaluate({ flag: f, context: { plan: "pro" } }).decidedBy).toEqual({ kind: "rule", ruleId: "second", index: 1 });
  });
});

describe("evaluateFlag: rule percentages", () => {
  const rules = [
    { id: "thirty", condition: { plan: "beta" }, rolloutPercentage: 30, serve: "on" },
    { id: "catch-all", condition: { plan: "beta" }, serve: "off" },
  ] as const;
  const f = flag({ rolloutPercentage: 100, targetingRules: rules });

  it("a matching user inside the rule's percentage gets the rule", () => {
    const inside = userWhere("new-checkout", (b) => b < 0.3);
    expect(evaluate({ flag: f, userId: inside, context: { plan: "beta" } })).toMatchObject({ value: true, decidedBy: { ruleId: "thirty" } });
  });

  it("a matching user outside the rule's percentage falls through to the next rule", () => {
    const outside = userWhere("new-checkout", (b) => b >= 0.3);
    expect(evaluate({ flag: f, userId: outside, context: { plan: "beta" } })).toMatchObject({ value: false, decidedBy: { ruleId: "catch-all" } });
  });

  it("... and to the flag's rollout when no rule is left", () => {
    const outside = userWhere("new-checkout", (b) => b >= 0.3);
    const only = flag({ rolloutPercentage: 100, targetingRules: [rules[0]] });
    expect(evaluate({ flag: only, userId: outside, context: { plan: "beta" } })).toMatchObject({ value: true, reason: "SPLIT" });
  });

  it("a rule at 0% serves nobody", () => {
    const zero = flag({ targetingRules: [{ id: "z", condition: {}, rolloutPercentage: 0 }] });
    expect(evaluate({ flag: zero, userId: userWhere("new-checkout", (b) => b === 0) }).reason).toBe("DEFAULT");
  });
});

describe("evaluateFlag: overrides", () => {
  const expiresAt = new Date("2030-06-01T12:00:00.000Z");
  const f = flag({ rolloutPercentage: 0 });

  it("an override without expiry serves its value verbatim, before every rule", () => {
    const ruled = flag({ targetingRules: [{ id: "r", condition: {}, serve: "off" }] });
    expect(evaluate({ flag: ruled, override: { value: true, expiresAt: null } })).toEqual({
      enabled: true,
      value: true,
      variant: "on",
      reason: "TARGETING_MATCH",
      decidedBy: { kind: "override" },
      override: true,
    });
  });

  it("does not apply to an INACTIVE flag", () => {
    expect(evaluate({ flag: flag({ status: "INACTIVE" }), override: { value: true, expiresAt: null } })).toMatchObject({ reason: "DISABLED", value: false });
  });

  it.each([
    { at: new Date(expiresAt.getTime() - 1), applies: true },
    { at: expiresAt, applies: false },
    { at: new Date(expiresAt.getTime() + 1), applies: false },
  ])("expiring at 12:00:00.000, at $at it applies: $applies", ({ at, applies }) => {
    const result = evaluate({ flag: f, override: { value: true, expiresAt }, now: at });
    expect(result.override).toBe(applies);
    expect(result.value).toBe(applies);
  });

  it("a multivariate override names the variant holding its value, compared as JSON", () => {
    const mv = flag({ variants: colors });
    expect(evaluate({ flag: mv, override: { value: { hex: "#00f" }, expiresAt: null } })).toMatchObject({ value: { hex: "#00f" }, variant: "blue", enabled: true });
  });

  it("a boolean override of false is an override that turns the flag off", () => {
    expect(evaluate({ flag: flag({ rolloutPercentage: 100 }), override: { value: false, expiresAt: null } })).toMatchObject({
      value: false,
      variant: "off",
      enabled: false,
      override: true,
      reason: "TARGETING_MATCH",
    });
  });
});

describe("evaluateFlag: multivariate weights", () => {
  const mv = flag({ variants: colors, rolloutPercentage: 100 });

  it("splits users by weight (20/30/50 within ±2 points over 20,000 users)", () => {
    const counts: Record<string, number> = { red: 0, green: 0, blue: 0 };
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const result = evaluate({ flag: mv, userId: `u${i}` });
      expect(result.reason).toBe("SPLIT");
      counts[result.variant ?? "none"]! += 1;
    }
    expect(Math.abs(counts.red! / n - 0.2)).toBeLessThan(0.02);
    expect(Math.abs(counts.green! / n - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(counts.blue! / n - 0.5)).toBeLessThan(0.02);
  });

  it("picks the variant from hash(key + '/variant', user) against the weight ranges", () => {
    for (const [bucket, want] of [
      [(b: number) => b < 0.2, "red"],
      [(b: number) => b >= 0.2 && b < 0.5, "green"],
      [(b: number) => b >= 0.5, "blue"],
    ] as const) {
      const user = userWhere("new-checkout/variant", bucket);
      expect(chooseFlagVariant("new-checkout", user, colors)?.key).toBe(want);
      expect(evaluate({ flag: mv, userId: user }).variant).toBe(want);
    }
  });

  it("a rule serving 'on' picks the same variant as the rollout", () => {
    const ruled = flag({ variants: colors, targetingRules: [{ id: "r", condition: {} }] });
    for (let i = 0; i < 50; i++) {
      expect(evaluate({ flag: ruled, userId: `u${i}` }).variant).toBe(evaluate({ flag: mv, userId: `u${i}` }).variant);
    }
  });
});

describe("evaluateFlag: growing percentages keep the first users", () => {
  const users = Array.from({ length: 2000 }, (_, i) => `user-${i}`);
  const onAt = (percentage: number, rule: boolean) =>
    new Set(
      users.filter((userId) => {
        const f = rule
          ? flag({ targetingRules: [{ id: "r", condition: {}, rolloutPercentage: percentage }] })
          : flag({ rolloutPercentage: percentage });
        return evaluate({ flag: f, userId }).value === true;
      }),
    );

  it.each([false, true])("rule percentage: %s", (rule) => {
    const steps = [5, 10, 25, 50, 75, 100].map((p) => onAt(p, rule));
    for (let i = 1; i < steps.length; i++) {
      const [before, after] = [steps[i - 1]!, steps[i]!];
      for (const user of before) expect(after.has(user)).toBe(true);
      expect(after.size).toBeGreaterThan(before.size);
    }
    expect(steps.at(-1)!.size).toBe(users.length);
    expect(Math.abs(steps[2]!.size / users.length - 0.25)).toBeLessThan(0.03);
  });

  it("a rule's percentage and the flag's rollout take the same users", () => {
    expect([...onAt(30, true)].sort()).toEqual([...onAt(30, false)].sort());
  });

  it("uses hash(flag.key, userId) as the bucket", () => {
    expect(rolloutBucket("new-checkout", "user-7")).toBe(hash("new-checkout", "user-7"));
  });
});
