/**
 * Chart axes with round ticks. The forest plot's axis: it always holds zero (no change) and every interval, with a little
 * room either side, and a few round ticks. Open interval ends (one-sided tests) run to the edge.
 */
export interface ForestInterval {
  effect: number;
  lower: number | null;
  upper: number | null;
}

export interface ForestScale {
  min: number;
  max: number;
  ticks: number[];
  /** Where a value sits across the axis, 0 (left edge) to 1 (right edge). */
  position: (value: number) => number;
}

/** 1, 2 or 5 times a power of ten: the round step nearest above `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/** Round ticks from `min` to `max` (about `count` of them), rounded to the step's own precision. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const step = niceStep((max - min) / count);
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const ticks: number[] = [];
  // Rounded so 0.1 + 0.2 never prints as 0.30000000000000004.
  for (let tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) ticks.push(Number(tick.toFixed(digits)) || 0); // never −0
  return ticks;
}

/** An axis from zero (or below) to just above the largest value, ending on a round tick. */
export function zeroBasedTicks(values: readonly number[], count = 4): number[] {
  const finite = values.filter((v) => Number.isFinite(v));
  const high = Math.max(0, ...finite);
  const low = Math.min(0, ...finite);
  if (high === low) return [0];
  const step = niceStep((high - low) / count);
  return niceTicks(Math.floor(low / step) * step, Math.ceil(high / step) * step, count);
}

export function forestScale(intervals: readonly ForestInterval[], tickCount = 5): ForestScale {
  const values = [0, ...intervals.flatMap((i) => [i.effect, i.lower, i.upper].filter((v): v is number => v !== null && Number.isFinite(v)))];
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (high - low === 0) {
    low -= 0.01;
    high += 0.01;
  }
  const pad = (high - low) * 0.08;
  const min = low - pad;
  const max = high + pad;
  return { min, max, ticks: niceTicks(min, max, tickCount), position: (value) => Math.min(1, Math.max(0, (value - min) / (max - min))) };
}
