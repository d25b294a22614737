/**
 * Adjusted p-values across several comparisons (DESIGN §6), as R's `p.adjust` computes them: monotone in
 * the raw p-values and capped at 1. Missing p-values (degenerate rows) stay missing and do not count.
 */
export type Correction = "holm" | "bh" | "none";

function adjust(pValues: readonly (number | null)[], step: (sorted: number[], m: number) => number[]): (number | null)[] {
  const present = pValues.flatMap((p, index) => (p === null ? [] : [{ p, index }]));
  const order = [...present].sort((a, b) => a.p - b.p);
  const adjusted = step(order.map((entry) => entry.p), order.length);
  const result: (number | null)[] = pValues.map(() => null);
  order.forEach((entry, rank) => (result[entry.index] = adjusted[rank] ?? null));
  return result;
}

/** Holm's step-down (Holm 1979, Scand. J. Statist. 6:65–70): p_(i) ↦ max_{j≤i} min(1, (m − j + 1)·p_(j)). */
export function holm(pValues: readonly (number | null)[]): (number | null)[] {
  return adjust(pValues, (sorted, m) => {
    let running = 0;
    return sorted.map((p, i) => (running = Math.max(running, Math.min(1, (m - i) * p))));
  });
}

/** Benjamini–Hochberg (1995, JRSS B 57:289–300): p_(i) ↦ min_{j≥i} min(1, m·p_(j)/j). */
export function benjaminiHochberg(pValues: readonly (number | null)[]): (number | null)[] {
  return adjust(pValues, (sorted, m) => {
    const out = new Array<number>(sorted.length);
    let running = 1;
    for (let i = sorted.length - 1; i >= 0; i--) out[i] = running = Math.min(running, Math.min(1, (m * sorted[i]!) / (i + 1)));
    return out;
  });
}

export function adjustPValues(pValues: readonly (number | null)[], correction: Correction): (number | null)[] {
  if (correction === "holm") return holm(pValues);
  if (correction === "bh") return benjaminiHochberg(pValues);
  return [...pValues];
}
