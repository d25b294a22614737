/**
 * Event ingestion against PostgreSQL's own COPY (DESIGN §9, issue 10 item 7), in one run on one
 * PostgreSQL database (BENCH_DATABASE_URL):
 *   API    the app's fast path in a process of its own (bench/events-server.ts), several senders
 *          posting batches of 100 and of 1,000 events with ids, as fast as they are answered
 *   COPY   the same rows, in one `COPY ... FROM STDIN` over one connection, into a copy of the events
 *          table (`LIKE ... INCLUDING ALL`: the same indexes, no foreign keys), the ceiling
 * Goal: each API case at least 0.5 of COPY's events/s. Every accepted event must be stored (counted by
 * the run's API key), and the server's peak RSS under the load is reported. The run removes its rows.
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Agent, request } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase } from "../db/client";
import { migrateUp } from "../db/migrate/runner";
import { experiments, variants } from "../db/schema";
import { createApiKey } from "../server/services/api-keys/create-api-key";
import { changeExperimentStatus } from "../server/services/experiments/change-experiment-status";
import { createExperiment } from "../server/services/experiments/create-experiment";
import { readyExperiment } from "../server/services/experiments/experiment-fixtures";
import { systemContext } from "../server/services/testing";
import type { Measure, ServerMessage } from "./measured-server";

const EXPERIMENT = "bench-events";
const SCALE = Number(process.env.BENCH_EVENTS_SCALE ?? 1);
/**
 * Rounds of every case, each API run followed by its COPY; the report gives medians. Five by default: single
 * rounds of the same build ranged from 0.46 to 0.65 of COPY with batches of 100 (COPY itself moved by a
 * quarter between rounds), and a round takes seconds.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Events per case and round. */
const CASES = [
  { batch: 100, senders: 8, events: Math.round(40_000 * SCALE) },
  { batch: 1_000, senders: 4, events: Math.round(80_000 * SCALE) },
] as const;
export const INGEST_GOAL = 0.5;

interface Seeded {
  key: string;
  keyId: string;
  experimentId: string;
  variantIds: Record<string, string>;
}

async function seed(url: string): Promise<Seeded> {
  const handle = await openDatabase({ kind: "postgres", url, maxConnections: 2 });
  try {
    await migrateUp(handle.runner);
    const ctx = systemContext(handle.db);
    let [experiment] = await handle.db.select().from(experiments).where(eq(experiments.key, EXPERIMENT));
    if (!experiment) {
      await createExperiment(ctx, readyExperiment(EXPERIMENT));
      [experiment] = await handle.db.select().from(experiments).where(eq(experiments.key, EXPERIMENT));
    }
    if (!experiment) throw new Error("the bench experiment was not created");
    if (experiment.status !== "ACTIVE") await changeExperimentStatus(ctx, { experiment: { key: EXPERIMENT }, status: "ACTIVE" });
    const variantRows = await handle.db.select({ id: variants.id, name: variants.name }).from(variants).where(eq(variants.experimentId, experiment.id));
    const { key, id } = await createApiKey(ctx, { name: `events bench ${new Date().toISOString()}`, type: "client" });
    return { key, keyId: id, experimentId: experiment.id, variantIds: Object.fromEntries(variantRows.map((v) => [v.name, v.id])) };
  } finally {
    await handle.close();
  }
}

/** The i-th event of a run: a view, every fifth a purchase with a value; ids unique to the run. */
function eventFor(i: number, run: string) {
  const purchase = i % 5 === 0;
  return {
    eventType: purchase ? "purchase" : "page_view",
    userId: `user-${i % 50_000}`,
    experiment: EXPERIMENT,
    variant: i % 2 === 0 ? "control" : "treatment",
    ...(purchase ? { value: (i % 97) + 0.5 } : {}),
    metadata: { page: `/products/${i % 500}` },
    id: `${run}-${i}`,
  };
}

function post(agent: Agent, port: number, key: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: "127.0.0.1", port, path: "/api/v1/events", method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization: `Bearer ${key}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

interface SendResult {
  seconds: number;
  accepted: number;
  /** Answers other than 202 (overload 503s are retried, and counted here too). */
  refused: number;
}

/** Sends `bodies` from `senders` concurrent connections, each taking the next body when answered; a 503 is retried after a moment. */
async function send(port: number, key: string, bodies: string[], senders: number): Promise<SendResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: senders });
  let next = 0;
  let accepted = 0;
  let refused = 0;
  const started = performance.now();
  const sender = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      for (;;) {
        const answer = await post(agent, port, key, body);
        if (answer.status === 202) {
          accepted += (JSON.parse(answer.body) as { accepted: number }).accepted;
          break;
        }
        refused++;
        if (answer.status !== 503) throw new Error(`the events API answered ${answer.status}: ${answer.body}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: senders }, sender));
    return { seconds: (performance.now() - started) / 1000, accepted, refused };
  } finally {
    agent.destroy();
  }
}

/** COPY's text format: tabs separate, `\N` is null, and backslash, tab and line breaks are escaped. */
const copyField = (value: string | number | null | undefined) =>
  value === null || value === undefined ? "\\N" : String(value).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");

/** The rows the API stored, as COPY lines, a few thousand per chunk. */
function* copyChunks(from: number, to: number, run: string, seeded: Seeded): Generator<string> {
  let chunk = "";
  const now = new Date().toISOString();
  for (let i = from; i < to; i++) {
    const e = eventFor(i, run);
    const fields = [e.eventType, e.userId, seeded.experimentId, seeded.variantIds[e.variant], e.value, JSON.stringify(e.metadata), seeded.keyId, e.id, now];
    chunk += `${fields.map(copyField).join("\t")}\n`;
    if (i % 5_000 === 4_999) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/**
 * A copy of the events table (`LIKE ... INCLUDING ALL`: the same indexes, no foreign keys) that COPY
 * fills with the same rows as the API stores, round after round, so both tables grow alike.
 */
async function copyTable(url: string, run: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const table = `experimentation.events_copy_${run}`;
  await sql.unsafe(`create table ${table} (like experimentation.events including all)`);
  let stored = 0;
  return {
    /** COPY of events `from` to `to` (the rows a case just sent through the API). */
    async copy(from: number, to: number, seeded: Seeded): Promise<{ seconds: number; perSecond: number }> {
      const started = performance.now();
      const stream = await sql
        .unsafe(`copy ${table} (event_type, user_id, experiment_id, variant_id, value, event_metadata, source, client_event_id, created_at) from stdin`)
        .writable();
      await pipeline(Readable.from(copyChunks(from, to, run, seeded)), stream);
      const seconds = (performance.now() - started) / 1000;
      stored += to - from;
      const [row] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`);
      if (row?.n !== stored) throw new Error(`the COPY table holds ${row?.n} rows, not ${stored}`);
      return { seconds, perSecond: Math.round((to - from) / seconds) };
    },
    async drop(): Promise<void> {
      try {
        await sql.unsafe(`drop table if exists ${table}`);
      } finally {
        await sql.end();
      }
    },
  };
}

function startServer(url: string, port: number): Promise<{ port: number; measure: () => Promise<Measure>; start: () => void; stop: () => Promise<void> }> {
  const script = fileURLToPath(new URL("./events-server.ts", import.meta.url));
  const child: ChildProcess = fork(script, [String(port)], {
    // BENCH_CPU_PROF=1 writes the server's CPU profile to /tmp/prof-events, to see where its time goes.
    execArgv: ["--import", "tsx", ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof-events"] : [])],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { ...process.env, DATABASE_URL: url },
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the events server exited (${code}) before listening`)));
    child.once("message", (m) => {
      resolve({
        port: (m as ServerMessage).port,
        start: () => child.send("measure-start"),
        measure: () =>
          new Promise<Measure>((done) => {
            child.once("message", (r) => done(r as Measure));
            child.send("measure-report");
          }),
        stop: async () => {
          const exited = new Promise((done) => child.once("exit", done));
          child.send("stop");
          await exited;
        },
      });
    });
  });
}

interface CaseRound {
  apiPerSecond: number;
  copyPerSecond: number;
  overCopy: number;
  retried503: number;
}

export interface EventsBenchResult {
  /**
   * Each API case, and right after it (so that the shared machine's load drifts less between them) COPY
   * of the same rows; medians over the rounds.
   */
  cases: { case: string; senders: number; eventsPerRound: number; rounds: number; apiPerSecond: number; copyPerSecond: number; overCopy: number; overCopyRange: string; retried503: number }[];
  stored: { expected: number; counted: number };
  /** The server's RSS before the load (the code loaded, caches warm), and its peak under it. */
  idleRssMb: number;
  peakRssMb: number;
  met: boolean;
}

/** Deletes the run's events and vacuums, so that a reused bench database does not grow or bloat run after run. */
async function cleanUp(url: string, source: string | null): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    let counted = 0;
    if (source) {
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from experimentation.events where source = ${source}`;
      counted = row?.n ?? 0;
      await sql`delete from experimentation.events where source = ${source}`;
    }
    await sql`vacuum experimentation.events`;
    return counted;
  } finally {
    await sql.end();
  }
}

export async function benchEvents(url: string, port = 0): Promise<EventsBenchResult> {
  const seeded = await seed(url);
  await cleanUp(url, null);
  const run = randomBytes(4).toString("hex");
  const server = await startServer(url, port);
  const copies = await copyTable(url, run);
  const cases: EventsBenchResult["cases"] = [];
  let expected = 0;
  let peakRss = 0;
  let idleRss = 0;
  try {
    // Warms the key, the definitions and the connections up.
    await send(server.port, seeded.key, [JSON.stringify({ events: [eventFor(0, `${run}-warm`)] })], 1);
    expected++;
    server.start();
    idleRss = (await server.measure()).peakRss;
    let offset = 0;
    const rounds = CASES.map(() => [] as CaseRound[]);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, c] of CASES.entries()) {
        const bodies: string[] = [];
        for (let start = 0; start < c.events; start += c.batch) {
          bodies.push(JSON.stringify({ events: Array.from({ length: Math.min(c.batch, c.events - start) }, (_, j) => eventFor(offset + start + j, run)) }));
        }
        server.start();
        const api = await send(server.port, seeded.key, bodies, c.senders);
        peakRss = Math.max(peakRss, (await server.measure()).peakRss);
        if (api.accepted !== c.events) throw new Error(`${c.events} events sent in batches of ${c.batch}, ${api.accepted} accepted`);
        expected += api.accepted;
        const copy = await copies.copy(offset, offset + c.events, seeded);
        offset += c.events;
        const apiPerSecond = Math.round(c.events / api.seconds);
        rounds[i]!.push({ apiPerSecond, copyPerSecond: copy.perSecond, overCopy: apiPerSecond / copy.perSecond, retried503: api.refused });
      }
    }
    for (const [i, c] of CASES.entries()) {
      const measured = rounds[i]!;
      const ratios = measured.map((r) => r.overCopy);
      cases.push({
        case: `batches of ${c.batch}`,
        senders: c.senders,
        eventsPerRound: c.events,
        rounds: measured.length,
        apiPerSecond: Math.round(median(measured.map((r) => r.apiPerSecond))),
        copyPerSecond: Math.round(median(measured.map((r) => r.copyPerSecond))),
        overCopy: roundTo(median(ratios)),
        overCopyRange: `${roundTo(Math.min(...ratios))}–${roundTo(Math.max(...ratios))}`,
        retried503: measured.reduce((sum, r) => sum + r.retried503, 0),
      });
    }
  } finally {
    await server.stop();
    await copies.drop();
  }
  const counted = await cleanUp(url, seeded.keyId);
  return {
    cases,
    stored: { expected, counted },
    idleRssMb: Math.round(idleRss / 1_048_576),
    peakRssMb: Math.round(peakRss / 1_048_576),
    met: counted === expected && cases.every((c) => c.overCopy >= INGEST_GOAL),
  };
}

const roundTo = (x: number) => Math.round(x * 100) / 100;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Prints the result as `npm run bench` reports; answers whether the goals were met. */
export function reportEvents(result: EventsBenchResult): boolean {
  console.log("\nEvent ingestion, POST /api/v1/events on PostgreSQL (events/s), each run against a COPY of the same rows into a copy of the events table right after it; medians of interleaved rounds:");
  console.table(Object.fromEntries(result.cases.map(({ case: name, ...row }) => [name, row])));
  console.log(`events stored: ${result.stored.counted} of ${result.stored.expected} accepted; server RSS ${result.idleRssMb} MB idle, ${result.peakRssMb} MB at most under load; goal: each case's median at least ${INGEST_GOAL} of COPY's events/s`);
  return result.met;
}
