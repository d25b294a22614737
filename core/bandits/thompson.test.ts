import { describe, expect, it } from "vitest";
import { seededRandom } from "./random";
import { probabilityBest } from "./thompson";

/** Arms from a rate: `users` users of whom `conversions` converted (for binomial metrics sum = sumSquares). */
const binomial = (users: number, conversions: number) => ({ users, sum: conversions, sumSquares: conversions });
/** Arms from a mean and a sample variance: sumSquares = (n − 1)·var + n·mean². */
const normal = (users: number, mean: number, variance: number) => ({ users, sum: users * mean, sumSquares: (users - 1) * variance + users * mean * mean });

describe("Thompson weights on a binomial metric", () => {
  it("equal the exact chance of being best: 10/100 vs 15/100", () => {
    // Evan Miller, "Formulas for Bayesian A/B Testing" (2015), closed form for P(B > A) with Beta(11, 91) and
    // Beta(16, 86), evaluated in R 4.2.2: 0.853283789933966.
    const [a, b] = probabilityBest([binomial(100, 10), binomial(100, 15)], { kind: "binomial", lowerIsBetter: false, random: seededRandom(1) });
    expect(b).toBeCloseTo(0.853283789933966, 7);
    expect(a).toBeCloseTo(1 - 0.853283789933966, 7);
  });

  it("favour the lower rate when lower is better (the same integral on the non-conversion rates)", () => {
    // P(p_A < p_B) for Beta(11, 91) vs Beta(16, 86) is P(1 − p_A > 1 − p_B) with Beta(91, 11) vs Beta(86, 16):
    // by symmetry Miller's 0.853283789933966 again, now for arm A.
    const [a, b] = probabilityBest([binomial(100, 10), binomial(100, 15)], { kind: "binomial", lowerIsBetter: true, random: seededRandom(1) });
    expect(a).toBeCloseTo(0.853283789933966, 7);
    expect(b).toBeCloseTo(0.146716210066034, 7);
  });

  it("refuses an arm without users", () => {
    expect(() => probabilityBest([binomial(0, 0), binomial(10, 1)], { kind: "binomial", lowerIsBetter: false, random: seededRandom(1) })).toThrow(RangeError);
  });
});

describe("Thompson weights on a mean metric (Monte Carlo)", () => {
  // Two Normal posteriors: P(B > A) = Φ((m_B − m_A) / √(v_A/n_A + v_B/n_B)). Here 0.5 / √(0.25 + 0.25) = 1/√2 and
  // Φ(1/√2) = 0.7602499 (R: pnorm(sqrt(0.5)) = 0.7602499). 100,000 draws: standard error 0.00135.
  const arms = [normal(400, 10, 100), normal(400, 10.5, 100)];

  it("match the closed form for two arms", () => {
    const [a, b] = probabilityBest(arms, { kind: "mean", lowerIsBetter: false, random: seededRandom(42), draws: 100_000 });
    expect(b).toBeGreaterThan(0.7602499 - 0.005);
    expect(b).toBeLessThan(0.7602499 + 0.005);
    expect(a! + b!).toBeCloseTo(1, 12);
  });

  it("mirror when lower is better", () => {
    const [a] = probabilityBest(arms, { kind: "mean", lowerIsBetter: true, random: seededRandom(42), draws: 100_000 });
    expect(a).toBeGreaterThan(0.7602499 - 0.005);
    expect(a).toBeLessThan(0.7602499 + 0.005);
  });

  it("are reproducible from the seed and differ with another", () => {
    const three = [normal(200, 1, 4), normal(200, 1.1, 4), normal(200, 1.05, 4)];
    const run = (seed: number) => probabilityBest(three, { kind: "mean", lowerIsBetter: false, random: seededRandom(seed), draws: 2_000 });
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it("split ties between arms with no variance instead of always picking the first", () => {
    const [a, b] = probabilityBest([normal(100, 0, 0), normal(100, 0, 0)], { kind: "mean", lowerIsBetter: false, random: seededRandom(3), draws: 10_000 });
    expect(a).toBeGreaterThan(0.45);
    expect(b).toBeGreaterThan(0.45);
  });
});
