/**
 * `npm run bench`: the project's performance checks (DESIGN §9). Each result is a ratio against a
 * ceiling or budget measured or fixed in the same run, never a timed assertion in a test.
 */
import { benchAnalysis } from "./analysis.bench-run";
import { benchFastPath } from "./fast-path.bench-run";
import { benchListExperiments } from "./list-experiments.bench-run";
import { benchListFlags } from "./list-flags.bench-run";
import { benchOfrep } from "./ofrep.bench-run";

async function main() {
  const report = [await benchListExperiments()];
  if (process.env.BENCH_DATABASE_URL) report.push(await benchListExperiments(process.env.BENCH_DATABASE_URL));
  for (const r of report) {
    console.log(`\nExperiments list, ${r.rows} experiments, ${r.database} (budget ${r.budgetMs} ms):`);
    console.table(r.results);
  }
  const flagLists = [await benchListFlags(), ...(process.env.BENCH_DATABASE_URL ? [await benchListFlags(process.env.BENCH_DATABASE_URL)] : [])];
  for (const r of flagLists) {
    console.log(`\nFlags list, ${r.rows} flags, ${r.database} (budget ${r.budgetMs} ms):`);
    console.table(r.results);
  }
  report.push(...flagLists);
  const fast = await benchFastPath();
  console.log(`\nSDK fast path, POST /api/v1/assignments for returning users, ${fast.connections} connections, load by ${fast.generator}:`);
  console.table({ "bare node:http (ceiling)": fast.bare, "assignments (ours)": fast.assignments });
  // DESIGN §9 budgets OFREP at 0.4 of the ceiling; assignments share its path but have no budget of their own.
  console.log(`assignments / bare node:http requests per second: ${fast.ratio} (for reference, OFREP's budget is 0.4)`);
  const analysis = await benchAnalysis();
  console.log(`\nAnalysis of 1,000 variant-metric pairs in one call, validation + engine (budget ${analysis.budgetMs} ms):`);
  console.table(analysis.results);
  const ofrep = await benchOfrep();
  console.log(`\nOFREP single-flag evaluation (a rule with two conditions and a 50% rollout, random users), ${ofrep.connections} connections, wrk, ${ofrep.rounds.length} interleaved rounds:`);
  console.table(ofrep.rounds.map((r) => ({ bareRps: r.bare.perSecond, bareP99Ms: r.bare.p99Ms, ofrepRps: r.ofrep.perSecond, ofrepP99Ms: r.ofrep.p99Ms, ofrepRssMb: r.ofrepRssMb })));
  // DESIGN §9 / issue 7: at least 0.5 of bare node:http's requests/s, p99 under 5 ms.
  console.log(`OFREP / bare node:http requests per second (medians): ${ofrep.ratio} (goal 0.5); OFREP p99 ${ofrep.median.ofrep.p99Ms} ms (goal < 5 ms)`);
  const worst = Math.max(...[...report.flatMap((r) => r.results), ...analysis.results].map((x) => x.p95OverBudget));
  console.log(`worst p95 / budget: ${worst}`);
  process.exit(worst <= 1 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
