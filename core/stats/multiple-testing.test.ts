/** Reference cases for adjusted p-values: R 4.2.2 `p.adjust(p, "holm")` and `p.adjust(p, "BH")`. */
import { describe, expect, it } from "vitest";
import { benjaminiHochberg, holm } from "./multiple-testing";

const p1 = [0.01, 0.04, 0.03, 0.005, 0.2];
const p2 = [0.0021, 0.0004, 0.041, 0.09, 0.012, 0.8];

const cases = [
  { source: "R p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2), 'holm')", adjust: holm, p: p1, expected: [0.04, 0.09, 0.09, 0.025, 0.2] },
  { source: "R p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2), 'BH')", adjust: benjaminiHochberg, p: p1, expected: [0.025, 0.05, 0.05, 0.025, 0.2] },
  { source: "R p.adjust(c(0.0021, 0.0004, 0.041, 0.09, 0.012, 0.8), 'holm')", adjust: holm, p: p2, expected: [0.0105, 0.0024, 0.123, 0.18, 0.048, 0.8] },
  { source: "R p.adjust(c(0.0021, 0.0004, 0.041, 0.09, 0.012, 0.8), 'BH')", adjust: benjaminiHochberg, p: p2, expected: [0.0063, 0.0024, 0.0615, 0.108, 0.024, 0.8] },
];

describe("multiple-testing corrections reproduce R's p.adjust", () => {
  it.each(cases.map((c) => [c.source, c] as const))("%s", (_, c) => {
    const adjusted = c.adjust(c.p);
    c.expected.forEach((value, i) => expect(adjusted[i]).toBeCloseTo(value, 12));
  });

  it("leaves missing p-values out of the count and in their place", () => {
    expect(holm([0.01, null, 0.04])).toEqual([0.02, null, 0.04]);
  });

  it("caps at 1", () => {
    expect(holm([0.6, 0.7])).toEqual([1, 1]);
  });
});
