/**
 * One re-weighting of a bandit, decided without I/O: the burn-in check, Thompson weights on the primary
 * metric, the floor, and the traffic allocations that keep the experiment's coverage.
 */
import type { MetricKind } from "../stats/moments";
import { applyFloor } from "./floor";
import type { Random } from "./random";
import { type BanditArm, probabilityBest } from "./thompson";

export interface BanditSettings {
  /** Minutes between scheduled re-weightings. */
  intervalMinutes: number;
  /** The least share of the experiment's traffic each arm keeps, in percent. */
  floorPercent: number;
  /** Users every arm needs before the first re-weighting. */
  burnInUsers: number;
}

/**
 * Defaults: hourly, like GrowthBook's default bandit schedule; a 5% floor keeps every arm learning (two
 * arms keep ≥ 5% each, four arms reserve 20% in all); 100 users per arm before the posteriors are used.
 */
export const DEFAULT_BANDIT_SETTINGS: BanditSettings = { intervalMinutes: 60, floorPercent: 5, burnInUsers: 100 };

export const BANDIT_LIMITS = {
  intervalMinutes: { min: 1, max: 10_080 },
  floorPercent: { min: 0, max: 50 },
  burnInUsers: { min: 0, max: 1_000_000 },
} as const;

export interface BanditArmInput extends BanditArm {
  variantId: string;
  name: string;
  /** The variant's current traffic allocation, in percent of all eligible users. */
  trafficAllocation: number;
}

export interface ArmWeight {
  variantId: string;
  /** Share of the experiment's traffic, 0–1. */
  weight: number;
  /** The new traffic allocation, in percent of all eligible users. */
  trafficAllocation: number;
  probabilityBest: number;
  users: number;
  mean: number;
}

export type ReweightPlan =
  | { kind: "burn-in"; message: string; short: { name: string; users: number }[] }
  | { kind: "no-traffic"; message: string }
  | { kind: "weights"; arms: ArmWeight[] };

export interface PlanInput {
  arms: readonly BanditArmInput[];
  metricKind: MetricKind;
  lowerIsBetter: boolean;
  settings: Pick<BanditSettings, "floorPercent" | "burnInUsers">;
  random: Random;
  draws?: number;
}

/** Allocations are stored to hundredths of a percent, enough for a bucket of GrowthBook's 1/10,000 hash. */
const UNITS_PER_PERCENT = 100;

export function planReweight(input: PlanInput): ReweightPlan {
  const { arms, settings } = input;
  const coverage = arms.reduce((sum, arm) => sum + arm.trafficAllocation, 0);
  if (arms.length < 2 || !(coverage > 0)) {
    return { kind: "no-traffic", message: "A bandit needs at least two variants and some traffic to re-weight." };
  }
  const needed = Math.max(1, settings.burnInUsers);
  const short = arms.filter((arm) => arm.users < needed).map((arm) => ({ name: arm.name, users: arm.users }));
  if (short.length > 0) {
    const list = short.map((arm) => `"${arm.name}" has ${arm.users}`).join(", ");
    return { kind: "burn-in", short, message: `Still in burn-in: every variant needs ${needed} users before the first re-weighting (${list}).` };
  }
  const best = probabilityBest(arms, { kind: input.metricKind, lowerIsBetter: input.lowerIsBetter, random: input.random, draws: input.draws });
  const weights = applyFloor(best, settings.floorPercent / 100);
  const allocations = splitCoverage(coverage, weights);
  return {
    kind: "weights",
    arms: arms.map((arm, i) => ({
      variantId: arm.variantId,
      weight: weights[i]!,
      trafficAllocation: allocations[i]!,
      probabilityBest: best[i]!,
      users: arm.users,
      mean: arm.users > 0 ? arm.sum / arm.users : 0,
    })),
  };
}

/**
 * Shares `coverage` percent among the arms by weight in hundredths of a percent, by largest remainder
 * (Hamilton's method), so the allocations add up to the coverage as it was, to the hundredth.
 */
export function splitCoverage(coverage: number, weights: readonly number[]): number[] {
  const units = Math.round(coverage * UNITS_PER_PERCENT);
  const exact = weights.map((w) => w * units);
  const floors = exact.map(Math.floor);
  let left = units - floors.reduce((sum, u) => sum + u, 0);
  const order = exact.map((e, i) => ({ i, remainder: e - floors[i]! })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors.map((u) => u / UNITS_PER_PERCENT);
}
