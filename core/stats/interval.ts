/** Which alternative a test or interval is for (DESIGN §6): two-sided, or one-sided towards treatment being greater or less. */
export type Sided = "two" | "greater" | "less";

/** An interval for the effect; a null end is unbounded (one-sided tests), never ±Infinity, which JSON cannot carry. */
export interface EffectInterval {
  lower: number | null;
  upper: number | null;
}

/** The interval `estimate ± halfWidth`, open on the side a one-sided alternative does not bound. */
export function intervalAround(estimate: number, halfWidth: number, sided: Sided): EffectInterval {
  return {
    lower: sided === "less" ? null : estimate - halfWidth,
    upper: sided === "greater" ? null : estimate + halfWidth,
  };
}

export interface TestOutcome {
  pValue: number;
  interval: EffectInterval;
}
