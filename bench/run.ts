/**
 * `npm run bench`: the project's performance checks (DESIGN §9). Each result is a ratio against a
 * ceiling or budget measured or fixed in the same run, never a timed assertion in a test.
 * BENCH_DATABASE_URL (a PostgreSQL database of its own) adds runs there; BENCH_PORT_BASE picks the three
 * consecutive ports of the fast path's servers (default: any free ones).
 */
import { benchAnalysis } from "./analysis.bench-run";
import { benchEvents, reportEvents } from "./events.bench-run";
import { openDatabase } from "../db/client";
import { benchFastPath } from "./fast-path.bench-run";
import { seedFastPath } from "./fast-path-seed";
import { benchListExperiments } from "./list-experiments.bench-run";
import { benchListFlags } from "./list-flags.bench-run";
import { benchOfrep } from "./ofrep.bench-run";

async function fastPathDatabase(url: string | undefined): Promise<Record<string, string>> {
  if (!url) return {};
  const handle = await openDatabase({ kind: "postgres", url });
  try {
    const { key } = await seedFastPath(handle);
    return { BENCH_DATABASE_URL: url, BENCH_KEY: key };
  } finally {
    await handle.close();
  }
}

/** Event ingestion needs PostgreSQL (its ceiling is COPY): BENCH_DATABASE_URL; its server takes BENCH_PORT_BASE + 3. */
async function eventsMet(url: string | undefined): Promise<boolean> {
  if (!url) {
    console.log("\nEvent ingestion: skipped (set BENCH_DATABASE_URL to a PostgreSQL database to compare with its COPY)");
    return true;
  }
  const base = Number(process.env.BENCH_PORT_BASE ?? 0);
  return reportEvents(await benchEvents(url, base ? base + 3 : 0));
}

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  // BENCH_ONLY=events runs only the ingestion benchmark.
  if (process.env.BENCH_ONLY === "events") process.exit((await eventsMet(url)) ? 0 : 1);
  const report = [await benchListExperiments()];
  if (url) report.push(await benchListExperiments(url));
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
  const fast = await benchFastPath(await fastPathDatabase(url), Number(process.env.BENCH_PORT_BASE ?? 0));
  console.log(
    `\nSDK fast path, POST /api/v1/assignments on ${fast.database}, ${fast.connections} connections, load by ${fast.generator}, medians of ${fast.rounds} interleaved rounds:`,
  );
  console.table({ "bare node:http (ceiling)": fast.bare, ...Object.fromEntries(fast.cases.map(({ case: name, ...row }) => [name, row])) });
  console.log(`the per-request log line costs about ${fast.logLineMicros} µs of server CPU (returning users with and without it)`);
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
  const ingestion = await eventsMet(url);
  const missed = fast.cases.filter((c) => c.met === false).map((c) => c.case);
  if (!ingestion) missed.push("event ingestion");
  if (missed.length) console.log(`fast-path goals missed: ${missed.join("; ")}`);
  process.exit(worst <= 1 && missed.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
