/**
 * Results at scale (issue #10 item 7, DESIGN §9): an experiment with 1 million and with 10 million events
 * (100,000 and 1,000,000 users, four metrics of three kinds, events before and after assignment), generated
 * with `generate_series` in a PostgreSQL database created for the run and dropped after. Measures the first
 * computation, the results service once computed (median of several calls; budget one second), and the
 * incremental refresh after 100,000 new events, against the first computation of the same data.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { systemActor } from "../core/permissions/permissions";
import { openDatabase } from "../db/client";
import { migrateUp } from "../db/migrate/runner";
import { databaseUrlFor } from "../db/testing/urls";
import { createExperiment } from "../server/services/experiments/create-experiment";
import { getExperimentResults } from "../server/services/results/get-experiment-results";
import { refreshStatistics } from "../server/services/results/refresh-results";

const BUDGET_MS = 1000;
const RESULT_CALLS = 9;
const NEW_EVENTS = 100_000;

const SIZES = [
  { events: 1_000_000, users: 100_000 },
  { events: 10_000_000, users: 1_000_000 },
];

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, Math.round(performance.now() - start)];
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

/**
 * Events of three types for users spread over the experiment's variants: 60% page views, 25% checkouts
 * with a cart total in the metadata, 15% purchases with a value; 5% of them before the user's assignment
 * (the CUPED window), the treatment buying slightly more. Events are written in `from..to` order.
 */
function eventsSql(experimentId: string, users: number, from: number, to: number): string {
  return `
    insert into experimentation.events (event_type, user_id, experiment_id, value, event_metadata, source, created_at)
    select case when r < 0.60 then 'pageview' when r < 0.85 then 'checkout' else 'purchase' end,
      'u' || (i % ${users}),
      '${experimentId}',
      case when r >= 0.85 then round((20 + 80 * random() + (i % 2) * 3)::numeric, 2)::float8 end,
      case when r >= 0.60 and r < 0.85 then jsonb_build_object('cart', jsonb_build_object('total', round((10 + 50 * random())::numeric, 2))) end,
      'bench',
      now() - interval '30 days' + (case when (i % 20) = 0 then -2 else 1 + 27 * random() end) * interval '1 day'
    from (select i, random() as r from generate_series(${from}, ${to - 1}) i) g`;
}

async function benchSize(serverUrl: string, prefix: string, size: (typeof SIZES)[number]) {
  const name = `${prefix}${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const handle = await openDatabase({ kind: "postgres", url: databaseUrlFor(serverUrl, name), maxConnections: 4 });
  try {
    await migrateUp(handle.runner);
    const ctx = { db: handle.db, actor: systemActor("bench") };
    const experiment = await createExperiment(ctx, {
      key: "checkout-redesign",
      name: "Checkout redesign",
      experimentType: "A_B",
      variants: [
        { name: "control", isControl: true, trafficAllocation: 50 },
        { name: "treatment", trafficAllocation: 50 },
      ],
      metricDefinitions: [
        { name: "Purchased", eventName: "purchase", metricType: "CONVERSION", isPrimary: true },
        { name: "Revenue", eventName: "purchase", metricType: "REVENUE", isPrimary: false },
        { name: "Page views", eventName: "pageview", metricType: "COUNT", isPrimary: false },
        { name: "Cart total", eventName: "checkout", metricType: "CUSTOM", aggregationMethod: "average", eventValuePath: "$.cart.total", isPrimary: false },
      ],
    });
    const [control, treatment] = experiment.variants;
    const [, seedMs] = await timed(async () => {
      await handle.runner.query(
        `insert into experimentation.assignments (experiment_id, variant_id, user_id, created_at)
         select $1, case when i % 2 = 0 then $2::uuid else $3::uuid end, 'u' || i, now() - interval '30 days'
         from generate_series(0, ${size.users - 1}) i`,
        [experiment.id, control!.id, treatment!.id],
      );
      // In slices of a million, so the load is the same shape at both sizes.
      for (let from = 0; from < size.events; from += 1_000_000) await handle.runner.query(eventsSql(experiment.id, size.users, from, Math.min(size.events, from + 1_000_000)));
      await handle.runner.query("analyze");
    });
    const [, firstMs] = await timed(() => refreshStatistics(handle.db, experiment.id));
    const latencies: number[] = [];
    for (let call = 0; call < RESULT_CALLS; call++) latencies.push((await timed(() => getExperimentResults(ctx, { key: experiment.key })))[1]);
    await handle.runner.query(eventsSql(experiment.id, size.users, size.events, size.events + NEW_EVENTS));
    const [, incrementalMs] = await timed(() => refreshStatistics(handle.db, experiment.id));
    const [results] = await timed(() => getExperimentResults(ctx, { key: experiment.key }));
    const primary = results.metrics[0]!.variants;
    return {
      events: size.events,
      users: size.users,
      seedSeconds: Math.round(seedMs / 100) / 10,
      firstComputeSeconds: Math.round(firstMs / 100) / 10,
      resultsMedianMs: median(latencies),
      resultsOverBudget: Math.round((median(latencies) / BUDGET_MS) * 1000) / 1000,
      incrementalAfter100kMs: incrementalMs,
      incrementalOverFirst: Math.round((incrementalMs / firstMs) * 1000) / 1000,
      primaryUsers: primary.map((row) => row.users).join(" / "),
    };
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

/**
 * Needs PostgreSQL: BENCH_DATABASE_URL names the server (its own database is left alone).
 * BENCH_RESULTS_EVENTS=1000000 runs one of the sizes; BENCH_RESULTS_DB_PREFIX names the databases made.
 */
export async function benchResults(serverUrl: string, prefix = process.env.BENCH_RESULTS_DB_PREFIX ?? "bench_results_") {
  const only = process.env.BENCH_RESULTS_EVENTS;
  const sizes = only ? SIZES.filter((size) => String(size.events) === only) : SIZES;
  const rows = [];
  for (const size of sizes) rows.push(await benchSize(serverUrl, prefix, size));
  return { budgetMs: BUDGET_MS, rows, met: rows.every((row) => row.resultsMedianMs <= BUDGET_MS) };
}

export function reportResults(report: Awaited<ReturnType<typeof benchResults>>): boolean {
  console.log(`\nResults on PostgreSQL: first computation, results service once computed (median of ${RESULT_CALLS}; budget ${report.budgetMs} ms), incremental refresh after ${NEW_EVENTS.toLocaleString("en")} new events:`);
  console.table(report.rows);
  return report.met;
}
