import { describe, expect, it } from "vitest";
import { EXPERIMENT_STATUSES, type ExperimentStatus } from "./enums";
import { type LifecycleExperiment, canTransition, isKeyMutable, planStatusChange } from "./lifecycle";

const now = new Date("2030-06-01T12:00:00.000Z");
const earlier = new Date("2030-05-01T00:00:00.000Z");
const later = new Date("2030-07-01T00:00:00.000Z");

function ready(overrides: Partial<LifecycleExperiment> = {}): LifecycleExperiment {
  return {
    status: "DRAFT",
    experimentType: "A_B",
    startDate: null,
    endDate: null,
    variants: [
      { name: "control", isControl: true, trafficAllocation: 50, configuration: {} },
      { name: "treatment", isControl: false, trafficAllocation: 50, configuration: {} },
    ],
    metrics: [{ isPrimary: true }],
    ...overrides,
  };
}

describe("canTransition: every pair of statuses", () => {
  const allowed = new Set([
    "DRAFT>ACTIVE",
    "DRAFT>ARCHIVED",
    "ACTIVE>PAUSED",
    "ACTIVE>COMPLETED",
    "PAUSED>ACTIVE",
    "PAUSED>COMPLETED",
    "COMPLETED>ARCHIVED",
  ]);
  const pairs = EXPERIMENT_STATUSES.flatMap((from) => EXPERIMENT_STATUSES.map((to): [ExperimentStatus, ExperimentStatus] => [from, to]));
  it("covers 25 pairs", () => expect(pairs).toHaveLength(25));
  it.each(pairs)("%s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(allowed.has(`${from}>${to}`));
  });
});

describe("isKeyMutable", () => {
  it.each<[ExperimentStatus, boolean]>([
    ["DRAFT", true],
    ["ACTIVE", false],
    ["PAUSED", false],
    ["COMPLETED", false],
    ["ARCHIVED", false],
  ])("%s → %s", (status, mutable) => expect(isKeyMutable(status)).toBe(mutable));
});

describe("planStatusChange", () => {
  it("leaves an experiment already in the status unchanged", () => {
    expect(planStatusChange(ready({ status: "PAUSED" }), "PAUSED", now)).toEqual({ kind: "unchanged" });
  });

  it.each<[ExperimentStatus, ExperimentStatus, string]>([
    ["DRAFT", "PAUSED", "An experiment cannot go from DRAFT to PAUSED; from DRAFT it can go to ACTIVE or ARCHIVED."],
    ["DRAFT", "COMPLETED", "An experiment cannot go from DRAFT to COMPLETED; from DRAFT it can go to ACTIVE or ARCHIVED."],
    ["ACTIVE", "DRAFT", "An experiment cannot go from ACTIVE to DRAFT; from ACTIVE it can go to PAUSED or COMPLETED."],
    ["ACTIVE", "ARCHIVED", "An experiment cannot go from ACTIVE to ARCHIVED; from ACTIVE it can go to PAUSED or COMPLETED."],
    ["COMPLETED", "ACTIVE", "An experiment cannot go from COMPLETED to ACTIVE; from COMPLETED it can go to ARCHIVED."],
    ["ARCHIVED", "DRAFT", "An experiment cannot go from ARCHIVED to DRAFT; ARCHIVED is final."],
  ])("refuses %s → %s", (from, to, message) => {
    expect(planStatusChange(ready({ status: from }), to, now)).toEqual({ kind: "illegal", message });
  });

  it("starts a ready draft now, keeping a future end date", () => {
    expect(planStatusChange(ready({ endDate: later }), "ACTIVE", now)).toEqual({
      kind: "change",
      status: "ACTIVE",
      startDate: now,
      endDate: later,
    });
  });

  it("starts a draft whose scheduled start has passed at now", () => {
    expect(planStatusChange(ready({ startDate: earlier }), "ACTIVE", now)).toMatchObject({ kind: "change", startDate: now });
  });

  it("does not start a draft before its scheduled start, after checking its guards", () => {
    expect(planStatusChange(ready({ startDate: later }), "ACTIVE", now)).toEqual({ kind: "scheduled", startDate: later });
    expect(planStatusChange(ready({ startDate: later, metrics: [] }), "ACTIVE", now)).toMatchObject({ kind: "blocked" });
  });

  it("blocks a start, listing every failed guard", () => {
    const plan = planStatusChange(ready({ variants: [], metrics: [] }), "ACTIVE", now);
    expect(plan.kind === "blocked" && plan.failures.map((failure) => failure.guard)).toEqual([
      "variant_count",
      "single_control",
      "allocation_total",
      "primary_metric",
    ]);
  });

  it("checks the guards again on resume and keeps the dates", () => {
    const paused = ready({ status: "PAUSED", startDate: earlier, endDate: later });
    expect(planStatusChange(paused, "ACTIVE", now)).toEqual({ kind: "change", status: "ACTIVE", startDate: earlier, endDate: later });
    expect(planStatusChange({ ...paused, metrics: [{ isPrimary: false }] }, "ACTIVE", now)).toMatchObject({
      kind: "blocked",
      failures: [{ guard: "primary_metric" }],
    });
  });

  it.each<ExperimentStatus>(["ACTIVE", "PAUSED"])("completes %s at now, replacing a later scheduled end", (status) => {
    expect(planStatusChange(ready({ status, startDate: earlier, endDate: later }), "COMPLETED", now)).toEqual({
      kind: "change",
      status: "COMPLETED",
      startDate: earlier,
      endDate: now,
    });
  });

  it("never sets an end date before the start date", () => {
    expect(planStatusChange(ready({ status: "ACTIVE", startDate: later }), "COMPLETED", now)).toMatchObject({ endDate: later });
  });

  it.each<[ExperimentStatus, ExperimentStatus]>([
    ["ACTIVE", "PAUSED"],
    ["DRAFT", "ARCHIVED"],
    ["COMPLETED", "ARCHIVED"],
  ])("%s → %s keeps both dates and checks no guard", (from, to) => {
    const experiment = ready({ status: from, startDate: earlier, endDate: later, variants: [], metrics: [] });
    expect(planStatusChange(experiment, to, now)).toEqual({ kind: "change", status: to, startDate: earlier, endDate: later });
  });
});
