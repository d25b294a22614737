/**
 * The SDK fast path (DESIGN §8, §9; issue 7 item 9) against its ceiling measured in the same run: a bare
 * node:http server. Every server runs in a process of its own and is loaded the same way: 32 keep-alive
 * connections for a fixed time, by wrk (Debian's package; one thread, leaving the other core to the
 * server) when it is installed, else by a load generator in this process, which saturates sooner, so the
 * report names the generator. Rounds interleave the ceiling and each case, and the report gives medians,
 * so a noisy neighbour on the shared machine skews one round rather than one case.
 *
 * Cases of `POST /api/v1/assignments`:
 *   returning users   users assigned before the measurement: answered from memory
 *   outside traffic   an experiment at 20% coverage: most users outside the traffic, answered from
 *                     memory too since its traffic was never narrowed; the rest are returning users
 *   new users         a new user every request: one new assignment each, written in batches
 *   no request log    returning users on a server without the per-request log line, to price that line
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { FULL_EXPERIMENT, PARTIAL_EXPERIMENT } from "./fast-path-seed";
import type { Measure } from "./measured-server";
import { type RunningServer, startMeasuredServer } from "./server-process";

const CONNECTIONS = 32;
const WARM_UP_MS = 2_000;
const MEASURE_MS = 5_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const USERS = 2_000;
const WRK = "/usr/bin/wrk";

interface LoadResult {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

/** What a load sends: the experiment, and users cycling through `USERS` returning ones or new every request. */
interface Load {
  experiment: string;
  freshUsers: boolean;
}

function bodyFor(load: Load, prefix: string): (i: number) => string {
  return (i) => JSON.stringify({ userId: load.freshUsers ? `${prefix}-${i}` : `user-${i % USERS}`, experiments: [load.experiment] });
}

function post(agent: Agent, port: number, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: "127.0.0.1", port, path: "/api/v1/assignments", method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** `CONNECTIONS` loops, each sending one request after another, for `ms`. */
async function loadInProcess(port: number, body: (i: number) => string, headers: Record<string, string>, ms: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let non2xx = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + ms;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const i = sent++;
        const t = performance.now();
        const status = await post(agent, port, body(i), headers);
        latencies.push(performance.now() - t);
        if (status < 200 || status > 299) non2xx++;
      }
    }),
  );
  const elapsed = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests: latencies.length, perSecond: Math.round((latencies.length / elapsed) * 1000), p50Ms: +at(0.5).toFixed(2), p99Ms: +at(0.99).toFixed(2), non2xx };
}

const WRK_SCRIPT = `
local counter = 0
local users = ${USERS}
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local key = os.getenv("BENCH_KEY")
if key ~= nil and key ~= "" then wrk.headers["Authorization"] = "Bearer " .. key end
local experiment = os.getenv("BENCH_EXPERIMENT")
local prefix = os.getenv("BENCH_PREFIX")
request = function()
  counter = counter + 1
  local user
  if prefix ~= nil and prefix ~= "" then user = prefix .. "-" .. counter else user = "user-" .. (counter % users) end
  return wrk.format(nil, "/api/v1/assignments", nil, string.format('{"userId":"%s","experiments":["%s"]}', user, experiment))
end
`;

/** wrk's text report → numbers; "Latency Distribution" lines read like "  99%   12.34ms". */
function parseWrk(output: string): LoadResult {
  const duration = (text: string) => {
    const m = /^([\d.]+)(us|ms|s)$/.exec(text.trim());
    if (!m) throw new Error(`wrk latency not understood: ${text}`);
    return Number(m[1]) * (m[2] === "us" ? 0.001 : m[2] === "s" ? 1000 : 1);
  };
  const requests = Number(/(\d+) requests in/.exec(output)?.[1]);
  const perSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
  const p50 = /^\s+50%\s+(\S+)/m.exec(output)?.[1];
  const p99 = /^\s+99%\s+(\S+)/m.exec(output)?.[1];
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  if (!Number.isFinite(requests) || !Number.isFinite(perSecond) || !p50 || !p99) throw new Error(`wrk output not understood:\n${output}`);
  return { requests, perSecond: Math.round(perSecond), p50Ms: +duration(p50).toFixed(2), p99Ms: +duration(p99).toFixed(2), non2xx };
}

async function loadWithWrk(port: number, key: string | null, load: Load, prefix: string, ms: number): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "exp-bench-"));
  try {
    const script = path.join(dir, "assignments.lua");
    writeFileSync(script, WRK_SCRIPT);
    const { stdout } = await promisify(execFile)(
      WRK,
      ["-t1", `-c${CONNECTIONS}`, `-d${Math.round(ms / 1000)}s`, "--latency", "-s", script, `http://127.0.0.1:${port}/api/v1/assignments`],
      { env: { ...process.env, BENCH_KEY: key ?? "", BENCH_EXPERIMENT: load.experiment, BENCH_PREFIX: load.freshUsers ? prefix : "" } },
    );
    return parseWrk(stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs one load; fresh users get a prefix no earlier load used, so every request is a first visit. */
function runLoad(server: RunningServer, load: Load, ms: number): Promise<LoadResult> {
  const prefix = `new-${randomBytes(4).toString("hex")}`;
  if (existsSync(WRK)) return loadWithWrk(server.port, server.key, load, prefix, ms);
  const headers: Record<string, string> = server.key ? { authorization: `Bearer ${server.key}` } : {};
  return loadInProcess(server.port, bodyFor(load, prefix), headers, ms);
}

function startServer(mode: "bare" | "assignments", port: number, env: Record<string, string>): Promise<RunningServer> {
  return startMeasuredServer("bench/fast-path-server.ts", [mode, String(port)], env);
}

/** Assigns every returning user once, so that their measured requests are all returning visits. */
async function assignEveryUser(server: RunningServer, experiment: string): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const headers = { authorization: `Bearer ${server.key}` };
  const body = bodyFor({ experiment, freshUsers: false }, "");
  try {
    for (let start = 0; start < USERS; start += CONNECTIONS) {
      const batch = Array.from({ length: Math.min(CONNECTIONS, USERS - start) }, (_, j) => post(agent, server.port, body(start + j), headers));
      if ((await Promise.all(batch)).some((status) => status !== 200)) throw new Error("assigning the bench's users failed");
    }
  } finally {
    agent.destroy();
  }
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Case {
  name: string;
  server: "logged" | "unlogged";
  load: Load;
  /** Issue 7 item 9: requests/s as a share of bare node's, and p99. */
  goal?: { ratio: number; p99Ms: number };
}

const CASES: Case[] = [
  { name: "returning users", server: "logged", load: { experiment: FULL_EXPERIMENT, freshUsers: false }, goal: { ratio: 0.5, p99Ms: 10 } },
  { name: "outside the traffic (20% coverage)", server: "logged", load: { experiment: PARTIAL_EXPERIMENT, freshUsers: false }, goal: { ratio: 0.5, p99Ms: 10 } },
  { name: "new users", server: "logged", load: { experiment: FULL_EXPERIMENT, freshUsers: true }, goal: { ratio: 0.2, p99Ms: 25 } },
  { name: "returning users, no request log", server: "unlogged", load: { experiment: FULL_EXPERIMENT, freshUsers: false } },
];

/**
 * With `databaseEnv` (BENCH_DATABASE_URL and BENCH_KEY) the servers use that PostgreSQL database,
 * seeded by the caller; without, each seeds an in-memory PGlite of its own.
 */
export async function benchFastPath(databaseEnv: Record<string, string> = {}, portBase = 0) {
  const port = (offset: number) => (portBase ? portBase + offset : 0);
  const bare = await startServer("bare", port(0), {});
  const logged = await startServer("assignments", port(1), { ...databaseEnv, BENCH_LOG: "on" });
  const unlogged = await startServer("assignments", port(2), { ...databaseEnv, BENCH_LOG: "off" });
  const servers = { logged, unlogged };
  try {
    await assignEveryUser(logged, FULL_EXPERIMENT);
    await assignEveryUser(unlogged, FULL_EXPERIMENT);
    const bareRounds: Array<LoadResult & Measure> = [];
    const caseRounds = CASES.map(() => [] as Array<LoadResult & Measure & { ratio: number; cpuRatio: number }>);
    const cpuPerRequest = (r: LoadResult & Measure) => r.cpuMicros / r.requests;
    for (let round = 0; round < ROUNDS; round++) {
      const bareLoad = { experiment: FULL_EXPERIMENT, freshUsers: false };
      await runLoad(bare, bareLoad, WARM_UP_MS);
      const ceiling = await bare.measure(() => runLoad(bare, bareLoad, MEASURE_MS));
      bareRounds.push(ceiling);
      for (const [i, c] of CASES.entries()) {
        const server = servers[c.server];
        await runLoad(server, c.load, WARM_UP_MS);
        const result = await server.measure(() => runLoad(server, c.load, MEASURE_MS));
        caseRounds[i]!.push({ ...result, ratio: result.perSecond / ceiling.perSecond, cpuRatio: cpuPerRequest(ceiling) / cpuPerRequest(result) });
      }
    }
    const non2xx = [...bareRounds, ...caseRounds.flat()].reduce((sum, r) => sum + r.non2xx, 0);
    if (non2xx > 0) throw new Error(`${non2xx} answers were not 2xx`);

    const summary = (rounds: ReadonlyArray<LoadResult & Measure>) => ({
      perSecond: Math.round(median(rounds.map((r) => r.perSecond))),
      p50Ms: median(rounds.map((r) => r.p50Ms)),
      p99Ms: median(rounds.map((r) => r.p99Ms)),
      cpuMicrosPerRequest: +median(rounds.map(cpuPerRequest)).toFixed(1),
    });
    const cases = CASES.map((c, i) => {
      const rounds = caseRounds[i]!;
      const ratio = +median(rounds.map((r) => r.ratio)).toFixed(3);
      const s = summary(rounds);
      return {
        case: c.name,
        ...s,
        ratio,
        cpuRatio: +median(rounds.map((r) => r.cpuRatio)).toFixed(3),
        peakRssMiB: Math.round(Math.max(...rounds.map((r) => r.peakRss)) / 2 ** 20),
        // New users only: requests sharing one INSERT of the batched writer.
        rowsPerBatch: rounds.some((r) => r.batches > 0) ? +median(rounds.map((r) => (r.batches ? r.requests / r.batches : 0))).toFixed(1) : null,
        goal: c.goal ? `≥ ${c.goal.ratio}, p99 < ${c.goal.p99Ms} ms` : "",
        met: c.goal ? ratio >= c.goal.ratio && s.p99Ms < c.goal.p99Ms : null,
      };
    });
    const withLog = cases[0]!.cpuMicrosPerRequest;
    const withoutLog = cases[3]!.cpuMicrosPerRequest;
    return {
      generator: existsSync(WRK) ? "wrk, 1 thread" : "in-process Node client (install wrk for a higher ceiling)",
      database: databaseEnv.BENCH_DATABASE_URL ? "postgresql" : "pglite",
      connections: CONNECTIONS,
      rounds: ROUNDS,
      bare: summary(bareRounds),
      cases,
      logLineMicros: +(withLog - withoutLog).toFixed(2),
    };
  } finally {
    await Promise.all([bare.stop(), logged.stop(), unlogged.stop()]);
  }
}
