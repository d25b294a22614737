/**
 * Traffic allocations are percentages of all eligible users (DESIGN §5), so the variants of one experiment
 * may share at most 100. Totals are compared with a tolerance because decimal shares such as
 * 33.3 + 33.3 + 33.4 do not add up to exactly 100 in binary floating point.
 */
export const MAX_TOTAL_ALLOCATION = 100;

const TOLERANCE = 1e-9;

export function totalAllocation(allocations: readonly number[]): number {
  return allocations.reduce((sum, allocation) => sum + allocation, 0);
}

export function exceedsTotalAllocation(total: number): boolean {
  return total > MAX_TOTAL_ALLOCATION + TOLERANCE;
}

/** A total shown to people: 99.99999999999999 reads as 100. */
export function formatPercentage(value: number): string {
  return `${Number(value.toFixed(6))}%`;
}

export function allocationTotalMessage(total: number): string {
  return `The variants' traffic allocations would total ${formatPercentage(total)}; at most ${MAX_TOTAL_ALLOCATION}% is possible.`;
}
