/**
 * `npm run bench`: the project's performance checks (DESIGN §9). Each result is a ratio against a
 * ceiling or budget measured or fixed in the same run, never a timed assertion in a test.
 * BENCH_DATABASE_URL (a PostgreSQL database of its own) adds runs there; BENCH_PORT_BASE picks the three
 * consecutive ports of the fast path's servers (default: any free ones).
 */
import { openDatabase } from "../db/client";
import { benchFastPath } from "./fast-path.bench-run";
import { seedFastPath } from "./fast-path-seed";
import { benchListExperiments } from "./list-experiments.bench-run";

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

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  const report = [await benchListExperiments()];
  if (url) report.push(await benchListExperiments(url));
  for (const r of report) {
    console.log(`\nExperiments list, ${r.rows} experiments, ${r.database} (budget ${r.budgetMs} ms):`);
    console.table(r.results);
  }
  const fast = await benchFastPath(await fastPathDatabase(url), Number(process.env.BENCH_PORT_BASE ?? 0));
  console.log(
    `\nSDK fast path, POST /api/v1/assignments on ${fast.database}, ${fast.connections} connections, load by ${fast.generator}, medians of ${fast.rounds} interleaved rounds:`,
  );
  console.table({ "bare node:http (ceiling)": fast.bare, ...Object.fromEntries(fast.cases.map(({ case: name, ...row }) => [name, row])) });
  console.log(`the per-request log line costs about ${fast.logLineMicros} µs of server CPU (returning users with and without it)`);
  const worst = Math.max(...report.flatMap((r) => r.results.map((x) => x.p95OverBudget)));
  console.log(`worst p95 / budget: ${worst}`);
  const missed = fast.cases.filter((c) => c.met === false).map((c) => c.case);
  if (missed.length) console.log(`fast-path goals missed: ${missed.join("; ")}`);
  process.exit(worst <= 1 && missed.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
