/**
 * A bandit's weeks replayed for the demo: traffic arrives period by period, split by the weights of the
 * last re-weighting, and each period ends with a re-weighting by the real planner (core/bandits), so
 * the history the demo stores is one the scheduler could have written.
 */
import { planReweight } from "@/core/bandits/plan-reweight";
import { type Random, seededRandom } from "@/core/bandits/random";

export interface SimulatedArm {
  variantId: string;
  name: string;
  /** The true conversion rate the demo's users have. */
  rate: number;
}

export interface SimulatedPeriod {
  /** Users and converting users per arm in this period (arm order). */
  users: number[];
  conversions: number[];
}

export interface SimulatedReweighting {
  /** Index of the period after which it happened. */
  afterPeriod: number;
  arms: { variantId: string; weight: number; trafficAllocation: number; probabilityBest: number; users: number; mean: number }[];
}

export interface BanditSimulation {
  periods: SimulatedPeriod[];
  reweightings: SimulatedReweighting[];
  /** Allocations in effect at the end. */
  finalAllocations: number[];
}

function binomial(n: number, p: number, random: Random): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (random() < p) count++;
  return count;
}

export function simulateBandit(input: { arms: readonly SimulatedArm[]; periods: number; usersPerPeriod: number; floorPercent: number; burnInUsers: number; seed: number }): BanditSimulation {
  const random = seededRandom(input.seed);
  const k = input.arms.length;
  let allocations = input.arms.map(() => 100 / k);
  const totals = input.arms.map(() => ({ users: 0, conversions: 0 }));
  const periods: SimulatedPeriod[] = [];
  const reweightings: SimulatedReweighting[] = [];
  for (let period = 0; period < input.periods; period++) {
    const users = allocations.map((allocation) => Math.round((input.usersPerPeriod * allocation) / 100));
    const conversions = users.map((n, i) => binomial(n, input.arms[i]!.rate, random));
    users.forEach((n, i) => {
      totals[i]!.users += n;
      totals[i]!.conversions += conversions[i]!;
    });
    periods.push({ users, conversions });
    const plan = planReweight({
      arms: input.arms.map((arm, i) => ({ variantId: arm.variantId, name: arm.name, trafficAllocation: allocations[i]!, users: totals[i]!.users, sum: totals[i]!.conversions, sumSquares: totals[i]!.conversions })),
      metricKind: "binomial",
      lowerIsBetter: false,
      settings: { floorPercent: input.floorPercent, burnInUsers: input.burnInUsers },
      random,
    });
    if (plan.kind !== "weights") continue;
    allocations = plan.arms.map((arm) => arm.trafficAllocation);
    reweightings.push({ afterPeriod: period, arms: plan.arms });
  }
  return { periods, reweightings, finalAllocations: allocations };
}
