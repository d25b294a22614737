/**
 * The planner's one question (DESIGN §7, `POST /api/v1/power`, and the planning page): with these users,
 * what power; without them, how many users and days; and in both cases the minimum detectable effect.
 */
import type { MetricKind } from "./moments";
import { type PlanInput, daysNeeded, minimumDetectableEffect, power, usersNeeded } from "./power";

export interface PlanRequest {
  metricType: MetricKind;
  baseline: { mean: number; variance?: number };
  /** The relative effect to detect, e.g. 0.05 for +5%. */
  effect: number;
  alpha: number;
  power: number;
  users?: number;
  variations: number;
  dailyUsers?: number;
  /** N* of a sequential test; absent plans a fixed-horizon test. */
  sequentialTuning?: number;
}

export interface PlanAnswer {
  power?: number;
  usersNeeded?: number | null;
  days?: number | null;
  /** The smallest relative effect reaching the target power with the given users, or the needed ones. */
  mde: number | null;
  warning?: string;
}

export function planInput(request: PlanRequest): PlanInput {
  return {
    kind: request.metricType,
    mean: request.baseline.mean,
    variance: request.baseline.variance,
    alpha: request.alpha,
    variations: request.variations,
    sequentialTuning: request.sequentialTuning,
  };
}

export function planExperiment(request: PlanRequest): PlanAnswer {
  const input = planInput(request);
  if (request.users !== undefined) {
    const mde = minimumDetectableEffect(input, request.users, request.power);
    return {
      power: power(input, request.users, request.effect),
      mde,
      ...(mde === null ? { warning: `No effect reaches ${request.power} power with ${request.users} users; add users or remove variations.` } : {}),
    };
  }
  const needed = usersNeeded(input, request.effect, request.power);
  if (needed === null) return { usersNeeded: null, days: null, mde: null, warning: `No sample size reaches ${request.power} power for this effect.` };
  return {
    usersNeeded: needed,
    ...(request.dailyUsers !== undefined ? { days: daysNeeded(needed, request.dailyUsers) } : {}),
    mde: minimumDetectableEffect(input, needed, request.power),
  };
}

export interface PowerCurvePoint {
  users: number;
  power: number;
}

/** Power at evenly spaced total user counts from the fewest possible (2 per variation) to `maxUsers`, for drawing. */
export function powerCurve(request: PlanRequest, maxUsers: number, points = 60): PowerCurvePoint[] {
  const input = planInput(request);
  const fewest = request.variations * 2;
  return Array.from({ length: points }, (_, i) => {
    const users = Math.round(fewest + ((maxUsers - fewest) * i) / (points - 1));
    return { users, power: power(input, users, request.effect) };
  });
}
