/**
 * Thompson sampling weights for a bandit's primary metric: each arm's share of traffic is the posterior
 * probability that it is the best arm ("probability matching", Thompson 1933; Scott, "A modern Bayesian
 * look at the multi-armed bandit", Appl. Stoch. Models Bus. Ind. 26 (2010) 639–658, which is also how
 * GrowthBook and Optimizely weight their bandits).
 *
 * - Binomial metrics: Beta(1 + conversions, 1 + non-conversions) per arm (uniform prior); P(best) is the
 *   exact one-dimensional integral of `core/stats/best-arm`. Lower-is-better compares the Beta posteriors
 *   of the non-conversion rate instead, whose highest is the lowest conversion rate.
 * - Mean metrics: Normal(mean, variance / n) per arm (the large-sample posterior under a flat prior);
 *   P(best) is the share of `draws` joint draws in which the arm is highest (lowest when lower is better).
 *   A seeded generator makes the result reproducible.
 */
import { bestArmProbabilities } from "../stats/best-arm";
import { type MetricKind, armMoments } from "../stats/moments";
import { type Random, standardNormal } from "./random";

export interface BanditArm {
  users: number;
  /** Conversions for a binomial metric, else the sum of the users' values. */
  sum: number;
  sumSquares: number;
}

export interface ThompsonOptions {
  kind: MetricKind;
  lowerIsBetter: boolean;
  random: Random;
  /** Joint draws for mean metrics. */
  draws?: number;
}

export const DEFAULT_DRAWS = 10_000;

export function probabilityBest(arms: readonly BanditArm[], options: ThompsonOptions): number[] {
  if (arms.length === 0) return [];
  if (arms.some((arm) => !(arm.users > 0))) throw new RangeError("Every arm needs at least one user to be weighed.");
  if (options.kind === "binomial") {
    return bestArmProbabilities(
      arms.map((arm) => {
        const conversions = Math.min(arm.users, Math.max(0, arm.sum));
        return { users: arm.users, conversions: options.lowerIsBetter ? arm.users - conversions : conversions };
      }),
    ).map((chance) => chance.probabilityBest);
  }
  return sampledBest(arms, options);
}

function sampledBest(arms: readonly BanditArm[], options: ThompsonOptions): number[] {
  const draws = options.draws ?? DEFAULT_DRAWS;
  const sign = options.lowerIsBetter ? -1 : 1;
  const posteriors = arms.map((arm) => {
    const { mean, variance } = armMoments("mean", arm);
    return { mean: sign * mean, sd: Math.sqrt(variance / arm.users) };
  });
  const wins = new Array<number>(arms.length).fill(0);
  for (let draw = 0; draw < draws; draw++) {
    let best = 0;
    let bestValue = -Infinity;
    posteriors.forEach(({ mean, sd }, i) => {
      const value = mean + sd * standardNormal(options.random);
      // Ties (arms with no variance and equal means) go to a random one of them, not always the first.
      if (value > bestValue || (value === bestValue && options.random() < 0.5)) {
        best = i;
        bestValue = value;
      }
    });
    wins[best]! += 1;
  }
  return wins.map((count) => count / draws);
}
