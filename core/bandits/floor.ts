/**
 * Keeps every arm above a floor so none starves (DESIGN §6): arms whose weight is under the floor get
 * exactly the floor and the rest of the traffic is shared among the others in proportion to their
 * weights, repeated until no arm is under it ("water-filling"). A floor the arms cannot all have
 * (floor × arms ≥ 1) gives the equal split.
 */
export function applyFloor(weights: readonly number[], floor: number): number[] {
  const n = weights.length;
  if (n === 0) return [];
  if (floor * n >= 1) return weights.map(() => 1 / n);
  const total = weights.reduce((sum, w) => sum + Math.max(0, w), 0);
  const share = total > 0 ? weights.map((w) => Math.max(0, w) / total) : weights.map(() => 1 / n);
  if (floor <= 0) return share;
  const pinned = new Set<number>();
  for (;;) {
    const free = share.reduce((sum, w, i) => (pinned.has(i) ? sum : sum + w), 0);
    const room = 1 - floor * pinned.size;
    const result = share.map((w, i) => (pinned.has(i) ? floor : free > 0 ? (w / free) * room : room / (n - pinned.size)));
    const under = result.flatMap((w, i) => (!pinned.has(i) && w < floor ? [i] : []));
    if (under.length === 0) return result;
    for (const i of under) pinned.add(i);
  }
}
