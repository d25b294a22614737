/** Times a list service's page for each case: 20 runs after a warm-up, p50/p95 and p95 as a share of the budget. */
export const LIST_BUDGET_MS = 200;

export async function timeListCases<I>(cases: ReadonlyArray<readonly [string, I]>, list: (input: I) => Promise<{ rows: unknown[] }>) {
  const results = [];
  for (const [name, input] of cases) {
    await list(input);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const page = await list(input);
      times.push(performance.now() - t);
      if (page.rows.length === 0) throw new Error(`bench case "${name}" returned no rows`);
    }
    times.sort((a, b) => a - b);
    const p50 = times[10] ?? 0;
    const p95 = times[18] ?? 0;
    results.push({ case: name, p50Ms: +p50.toFixed(1), p95Ms: +p95.toFixed(1), p95OverBudget: +(p95 / LIST_BUDGET_MS).toFixed(3) });
  }
  return results;
}
