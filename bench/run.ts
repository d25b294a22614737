/**
 * `npm run bench`: the project's performance checks (DESIGN §9). Each result is a ratio against a
 * ceiling or budget measured or fixed in the same run, never a timed assertion in a test.
 * BENCH_DATABASE_URL (a PostgreSQL database of its own) adds runs there; BENCH_PORT_BASE picks the three
 * consecutive ports of the fast path's servers (default: any free ones). BENCH_ONLY picks parts, comma-separated
 * (`lists`, `fast-path`, `analysis`, `ofrep`; e.g. `BENCH_ONLY=fast-path,ofrep npm run bench`); unset runs all.
 */
import { benchAnalysis } from "./analysis.bench-run";
import { benchEvents, reportEvents } from "./events.bench-run";
import { openDatabase } from "../db/client";
import { benchFastPath } from "./fast-path.bench-run";
import { seedFastPath } from "./fast-path-seed";
import { benchListExperiments } from "./list-experiments.bench-run";
import { benchListFlags } from "./list-flags.bench-run";
import { benchLogLine } from "./log-line.bench-run";
import { benchOfrep } from "./ofrep.bench-run";
import { benchResults, reportResults } from "./results.bench-run";

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

/** Results at scale need PostgreSQL: BENCH_DATABASE_URL's server, in databases the run creates and drops. */
async function resultsMet(url: string | undefined): Promise<boolean> {
  if (!url) {
    console.log("\nResults at scale: skipped (set BENCH_DATABASE_URL to a PostgreSQL server)");
    return true;
  }
  return reportResults(await benchResults(url));
}

const PARTS = ["lists", "fast-path", "analysis", "ofrep", "results", "events"] as const;
type Part = (typeof PARTS)[number];

function selectedParts(value: string | undefined): ReadonlySet<Part> {
  const names = (value ?? "").split(",").map((name) => name.trim()).filter((name) => name !== "");
  if (names.length === 0) return new Set(PARTS);
  const unknown = names.filter((name) => !(PARTS as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`BENCH_ONLY: unknown part(s) ${unknown.join(", ")}; the parts are ${PARTS.join(", ")}.`);
  return new Set(names as Part[]);
}

async function main() {
  const parts = selectedParts(process.env.BENCH_ONLY);
  const url = process.env.BENCH_DATABASE_URL;
  const budgeted: Array<{ p95OverBudget: number }> = [];
  const missed: string[] = [];
  if (parts.has("lists")) {
    const report = [await benchListExperiments()];
    if (url) report.push(await benchListExperiments(url));
    for (const r of report) {
      console.log(`\nExperiments list, ${r.rows} experiments, ${r.database} (budget ${r.budgetMs} ms):`);
      console.table(r.results);
    }
    const flagLists = [await benchListFlags(), ...(url ? [await benchListFlags(url)] : [])];
    for (const r of flagLists) {
      console.log(`\nFlags list, ${r.rows} flags, ${r.database} (budget ${r.budgetMs} ms):`);
      console.table(r.results);
    }
    budgeted.push(...[...report, ...flagLists].flatMap((r) => r.results));
  }
  if (parts.has("fast-path")) {
    const fast = await benchFastPath(await fastPathDatabase(url), Number(process.env.BENCH_PORT_BASE ?? 0));
    console.log(
      `\nSDK fast path, POST /api/v1/assignments on ${fast.database}, ${fast.connections} connections, load by ${fast.generator}, medians of ${fast.rounds} interleaved rounds:`,
    );
    console.table({ "bare node:http (ceiling)": fast.bare, ...Object.fromEntries(fast.cases.map(({ case: name, ...row }) => [name, row])) });
    console.log(`the per-request log line costs about ${fast.logLineMicros} µs of server CPU (returning users with and without it; noisy on a busy machine)`);
    const logLine = await benchLogLine();
    console.log(`the per-request log line measured alone: ${logLine.microsPerLine} µs of CPU per line (median of rounds ${logLine.rounds.join(", ")}; 200,000 lines to /dev/null)`);
    missed.push(...fast.cases.filter((c) => c.met === false).map((c) => c.case));
  }
  if (parts.has("analysis")) {
    const analysis = await benchAnalysis();
    console.log(`\nAnalysis of 1,000 variant-metric pairs in one call, validation + engine (budget ${analysis.budgetMs} ms):`);
    console.table(analysis.results);
    budgeted.push(...analysis.results);
  }
  if (parts.has("ofrep")) {
    for (const ofrep of [await benchOfrep(), ...(url ? [await benchOfrep(url)] : [])]) {
      console.log(`\nOFREP single-flag evaluation on ${ofrep.database} (a rule with two conditions and a 50% rollout, random users), ${ofrep.connections} connections, wrk, ${ofrep.rounds.length} interleaved rounds:`);
      console.table(
        ofrep.rounds.map((r) => ({
          bareRps: r.bare.perSecond,
          bareP99Ms: r.bare.p99Ms,
          bareCpuUs: r.bare.cpuMicrosPerRequest,
          ofrepRps: r.ofrep.perSecond,
          ofrepP50Ms: r.ofrep.p50Ms,
          ofrepP99Ms: r.ofrep.p99Ms,
          ofrepCpuUs: r.ofrep.cpuMicrosPerRequest,
          ofrepRssMb: r.ofrepRssMb,
          bareRssMb: r.bareRssMb,
        })),
      );
      const { bare: b, ofrep: o } = ofrep.median;
      console.log(`medians: bare node:http ${b.perSecond} req/s, p50 ${b.p50Ms} ms, p99 ${b.p99Ms} ms, RSS ${b.rssMb} MB; OFREP ${o.perSecond} req/s, p50 ${o.p50Ms} ms, p99 ${o.p99Ms} ms, RSS under load ${o.rssMb} MB`);
      // DESIGN §9 / issue 7: at least 0.5 of bare node:http's requests/s, p99 under 5 ms.
      console.log(`OFREP / bare node:http requests per second (medians): ${ofrep.ratio} (goal 0.5); OFREP p99 ${o.p99Ms} ms (goal < 5 ms)`);
      console.log(`server CPU per request (medians): bare node:http ${b.cpuMicrosPerRequest} µs, OFREP ${o.cpuMicrosPerRequest} µs; bare / OFREP ${ofrep.cpuRatio}`);
      const met = ofrep.ratio >= 0.5 && o.p99Ms < 5;
      console.log(`OFREP goal met on ${ofrep.database}: ${met}`);
      if (!met) missed.push(`OFREP single flag (${ofrep.database})`);
    }
  }
  const worst = budgeted.length ? Math.max(...budgeted.map((x) => x.p95OverBudget)) : 0;
  if (budgeted.length) console.log(`worst p95 / budget: ${worst}`);
  if (parts.has("results") && !(await resultsMet(url))) missed.push("results latency");
  if (parts.has("events") && !(await eventsMet(url))) missed.push("event ingestion");
  if (missed.length) console.log(`fast-path goals missed: ${missed.join("; ")}`);
  process.exit(worst <= 1 && missed.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
