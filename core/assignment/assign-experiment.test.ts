import { describe, expect, it } from "vitest";
import type { Condition } from "../conditions/condition";
import {
  type AssignExperimentInput,
  type AssignableExperiment,
  type ExperimentStatus,
  assignExperiment,
} from "./assign-experiment";
import { hash } from "./hash";

interface Variant {
  id: string;
  name: string;
  trafficAllocation: number;
  configuration: Record<string, unknown>;
}

const control: Variant = { id: "v-control", name: "Control", trafficAllocation: 50, configuration: {} };
const treatment: Variant = {
  id: "v-treatment",
  name: "Treatment",
  trafficAllocation: 50,
  configuration: { color: "green" },
};

function experiment(overrides: Partial<AssignableExperiment<Variant>> = {}): AssignableExperiment<Variant> {
  return {
    key: "checkout-button",
    status: "ACTIVE",
    targetingRules: null,
    variants: [control, treatment],
    ...overrides,
  };
}

/** The default 50/50 experiment for user-4 with no context, unless told otherwise. */
function assign(overrides: Partial<AssignExperimentInput<Variant>> = {}) {
  return assignExperiment({ experiment: experiment(), userId: "user-4", context: {}, ...overrides });
}

function withAllocations(...allocations: number[]): Variant[] {
  return [control, treatment].map((variant, i) => ({ ...variant, trafficAllocation: allocations[i] ?? 0 }));
}

// Buckets of the users these tests rely on, pinned so a change of hash shows up here and not as a puzzle
// below: hash("checkout-button", user, 2) and, for user-4, version 1.
describe("test users", () => {
  it("have the buckets the cases below assume", () => {
    expect(hash("checkout-button", "user-4")).toBe(0.3409); // control at 50/50
    expect(hash("checkout-button", "user-4", 1)).toBe(0.814); // treatment at 50/50 with hash version 1
    expect(hash("checkout-button", "user-0")).toBe(0.6673); // treatment at 50/50, outside [0.5, 0.6) at 10/10
    expect(hash("checkout-button", "user-1")).toBe(0.5603); // treatment at 10/10
  });
});

describe("assignExperiment", () => {
  describe("NOT_ACTIVE", () => {
    it.each<ExperimentStatus>(["DRAFT", "PAUSED", "COMPLETED", "ARCHIVED"])(
      "%s enrols nobody, stored or not",
      (status) => {
        const expected = { inExperiment: false, variant: null, reason: "NOT_ACTIVE", isNew: false };
        expect(assign({ experiment: experiment({ status }) })).toEqual(expected);
        expect(assign({ experiment: experiment({ status }), existingVariantId: control.id })).toEqual(expected);
      },
    );
  });

  describe("TARGETING_MISS", () => {
    const targeted = experiment({ targetingRules: { country: { $in: ["FR", "DE"] } } });

    it("leaves out users the rules do not match, even with a stored assignment", () => {
      const expected = { inExperiment: false, variant: null, reason: "TARGETING_MISS", isNew: false };
      expect(assign({ experiment: targeted, context: { country: "US" } })).toEqual(expected);
      expect(assign({ experiment: targeted, existingVariantId: treatment.id })).toEqual(expected);
    });

    it("lets matching users through to bucketing", () => {
      expect(assign({ experiment: targeted, context: { country: "FR" } })).toMatchObject({
        reason: "BUCKETED",
        variant: control,
      });
    });

    it("lets conditions see the user id as `id`, overriding an `id` in the context", () => {
      const byId = experiment({ targetingRules: { id: { $in: ["user-4"] } } });
      expect(assign({ experiment: byId }).reason).toBe("BUCKETED");
      expect(assign({ experiment: byId, userId: "user-0", context: { id: "user-4" } }).reason).toBe("TARGETING_MISS");
    });

    it.each<[string, Condition | null]>([
      ["no rules", null],
      ["the empty condition", {}],
    ])("targets everyone with %s", (_title, targetingRules) => {
      expect(assign({ experiment: experiment({ targetingRules }) }).reason).toBe("BUCKETED");
    });
  });

  describe("STICKY", () => {
    it("keeps the stored variant although the hash would pick the other one", () => {
      // user-4's bucket (0.3409) is control's, but the stored assignment says treatment.
      expect(assign({ existingVariantId: treatment.id })).toEqual({
        inExperiment: true,
        variant: treatment,
        reason: "STICKY",
        isNew: false,
      });
    });

    it("keeps the stored variant after allocations drop to 0", () => {
      const closed = experiment({ variants: withAllocations(0, 0) });
      const result = assign({ experiment: closed, existingVariantId: treatment.id });
      expect(result).toMatchObject({ inExperiment: true, reason: "STICKY", isNew: false });
      expect(result.variant?.id).toBe(treatment.id);
    });

    it("re-buckets, as a new assignment, when the stored variant no longer exists", () => {
      expect(assign({ existingVariantId: "v-deleted" })).toEqual({
        inExperiment: true,
        variant: control,
        reason: "BUCKETED",
        isNew: true,
      });
    });
  });

  describe("BUCKETED", () => {
    it("picks the variant whose range holds the user's hash, as a new assignment", () => {
      expect(assign()).toEqual({
        inExperiment: true,
        variant: control,
        reason: "BUCKETED",
        isNew: true,
      });
      expect(assign({ userId: "user-0", existingVariantId: null })).toEqual({
        inExperiment: true,
        variant: treatment,
        reason: "BUCKETED",
        isNew: true,
      });
    });

    it("returns the caller's own variant object", () => {
      expect(assign({ userId: "user-0" }).variant).toBe(treatment);
    });

    it("hashes with version 1 when the experiment says so", () => {
      expect(assign({ experiment: experiment({ hashVersion: 1 }) }).variant).toBe(treatment);
    });

    it("uses weights instead of traffic allocations when given (bandits)", () => {
      const closed = experiment({ variants: withAllocations(0, 0) });
      expect(assign({ experiment: closed, weights: [50, 50] }).variant?.id).toBe(control.id);
      expect(assign({ experiment: closed, weights: [0, 100] }).variant?.id).toBe(treatment.id);
    });

    it("ignores weights whose length does not match the variants", () => {
      expect(assign({ weights: [0, 0, 100] }).variant).toBe(control);
    });
  });

  describe("NOT_IN_TRAFFIC", () => {
    it("leaves out users outside every range at 10/10", () => {
      const tenTen = experiment({ variants: withAllocations(10, 10) });
      expect(assign({ experiment: tenTen, userId: "user-0" })).toEqual({
        inExperiment: false,
        variant: null,
        reason: "NOT_IN_TRAFFIC",
        isNew: false,
      });
      expect(assign({ experiment: tenTen, userId: "user-1" }).variant?.id).toBe(treatment.id);
    });

    it("enrols nobody when every allocation is 0 or there are no variants", () => {
      for (const variants of [withAllocations(0, 0), []]) {
        expect(assign({ experiment: experiment({ variants }) }).reason).toBe("NOT_IN_TRAFFIC");
      }
    });
  });

  describe("over 10,000 users", () => {
    const userIds = Array.from({ length: 10_000 }, (_, i) => `user-${i}`);
    const assignAll = (exp: AssignableExperiment<Variant>) =>
      userIds.map((userId) => assign({ experiment: exp, userId }));

    // For a uniform hash, the size of a variant with share p is Binomial(n, p): standard deviation
    // √(n·p·(1−p)), 50 at n = 10,000 and p = 0.5. A fair hash strays beyond ±3 standard deviations about
    // 0.3% of the time, and these buckets are deterministic, so a failure is a real skew, not chance.
    const tolerance = (p: number): number => 3 * Math.sqrt(userIds.length * p * (1 - p));

    it("splits 50/50 within ±3 standard deviations and enrols everyone", () => {
      const results = assignAll(experiment());
      expect(results.every((result) => result.inExperiment && result.reason === "BUCKETED")).toBe(true);
      const controls = results.filter((result) => result.variant === control).length;
      expect(Math.abs(controls - 5000)).toBeLessThanOrEqual(tolerance(0.5)); // ±150
    });

    it("splits 20/30/50 across three variants within ±3 standard deviations each", () => {
      const third: Variant = { id: "v-third", name: "Third", trafficAllocation: 50, configuration: {} };
      const variants = [
        { ...control, trafficAllocation: 20 },
        { ...treatment, trafficAllocation: 30 },
        third,
      ];
      const results = assignAll(experiment({ variants }));
      for (const [variant, share] of [
        [control.id, 0.2],
        [treatment.id, 0.3],
        [third.id, 0.5],
      ] as const) {
        const count = results.filter((result) => result.variant?.id === variant).length;
        expect(Math.abs(count - share * userIds.length)).toBeLessThanOrEqual(tolerance(share));
      }
    });

    it("gives every user the same answer on a second call", () => {
      const first = assignAll(experiment()).map((result) => result.variant?.id);
      const second = assignAll(experiment()).map((result) => result.variant?.id);
      expect(second).toEqual(first);
    });
  });
});
