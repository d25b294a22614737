import { describe, expect, it } from "vitest";
import { applyFloor } from "./floor";

describe("applyFloor", () => {
  it.each([
    // An arm under the floor is pinned to it; the others share the rest in proportion: 0.9/0.98·0.95, 0.08/0.98·0.95.
    { weights: [0.9, 0.08, 0.02], floor: 0.05, expected: [0.872448979591837, 0.0775510204081633, 0.05] },
    // Pinning one can push another under: both end on the floor.
    { weights: [0.97, 0.02, 0.01], floor: 0.1, expected: [0.8, 0.1, 0.1] },
    // Nothing under the floor: the weights are kept.
    { weights: [0.6, 0.4], floor: 0.05, expected: [0.6, 0.4] },
    // A floor the arms cannot all have gives the equal split.
    { weights: [1, 0, 0], floor: 0.4, expected: [1 / 3, 1 / 3, 1 / 3] },
    // No floor: the weights, normalised.
    { weights: [2, 2], floor: 0, expected: [0.5, 0.5] },
  ])("$weights with floor $floor", ({ weights, floor, expected }) => {
    const result = applyFloor(weights, floor);
    expected.forEach((w, i) => expect(result[i]).toBeCloseTo(w, 12));
    expect(result.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
  });
});
