import { describe, expect, it } from "vitest";
import type { ExperimentStatus } from "./enums";
import { dueTransition } from "./schedule";

const now = new Date("2030-06-01T12:00:00.000Z");
const past = new Date(now.getTime() - 1);
const future = new Date(now.getTime() + 1);

describe("dueTransition", () => {
  it.each<[ExperimentStatus, Date | null, Date | null, "ACTIVE" | "COMPLETED" | null]>([
    ["DRAFT", past, null, "ACTIVE"],
    ["DRAFT", now, null, "ACTIVE"],
    ["DRAFT", future, null, null],
    ["DRAFT", null, past, null],
    ["ACTIVE", past, past, "COMPLETED"],
    ["ACTIVE", past, now, "COMPLETED"],
    ["ACTIVE", past, future, null],
    ["ACTIVE", past, null, null],
    ["PAUSED", past, past, "COMPLETED"],
    ["COMPLETED", past, past, null],
    ["ARCHIVED", past, past, null],
  ])("%s starting %s ending %s → %s", (status, startDate, endDate, due) => {
    expect(dueTransition({ status, startDate, endDate }, now)).toBe(due);
  });
});
