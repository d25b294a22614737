/**
 * OFREP single-flag evaluation (DESIGN §9: at least 0.5 of a bare node:http server's requests/s, p99 under
 * 5 ms, 32 connections) against that ceiling measured in the same run. Both servers run in processes of
 * their own for the whole run and are loaded in turn, several interleaved rounds, by wrk (one thread,
 * leaving the other core to the server); the report takes medians. Users are random (`user-0` to
 * `user-99999`) with a context that matches the flag's rule for about half of them.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Measure } from "./measured-server";
import { type RunningServer, startMeasuredServer } from "./server-process";

const BENCH_FLAG = "bench-new-checkout";

const CONNECTIONS = 32;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_S = 2;
const MEASURE_S = 5;
const WRK = "/usr/bin/wrk";

const WRK_SCRIPT = `
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json; charset=utf-8"
local key = os.getenv("BENCH_KEY")
if key ~= nil and key ~= "" then wrk.headers["Authorization"] = "Bearer " .. key end
local countries = {"US", "CA", "FR", "DE"}
local plans = {"pro", "free"}
request = function()
  local body = string.format('{"context":{"targetingKey":"user-%d","country":"%s","plan":"%s"}}', math.random(0, 99999), countries[math.random(1, 4)], plans[math.random(1, 2)])
  return wrk.format(nil, nil, nil, body)
end
`;

interface Round {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

function parseWrk(output: string): Round {
  const ms = (text: string) => {
    const m = /^([\d.]+)(us|ms|s)$/.exec(text.trim());
    if (!m) throw new Error(`wrk latency not understood: ${text}`);
    return Number(m[1]) * (m[2] === "us" ? 0.001 : m[2] === "s" ? 1000 : 1);
  };
  const perSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
  const p50 = /^\s+50%\s+(\S+)/m.exec(output)?.[1];
  const p99 = /^\s+99%\s+(\S+)/m.exec(output)?.[1];
  if (!Number.isFinite(perSecond) || !p50 || !p99) throw new Error(`wrk output not understood:\n${output}`);
  const requests = Number(/(\d+) requests in/.exec(output)?.[1]);
  return { requests, perSecond: Math.round(perSecond), p50Ms: +ms(p50).toFixed(2), p99Ms: +ms(p99).toFixed(2), non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0) };
}

async function wrk(script: string, url: string, key: string | null, seconds: number): Promise<Round> {
  const { stdout } = await promisify(execFile)(WRK, ["-t1", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", "-s", script, url], {
    env: { ...process.env, BENCH_KEY: key ?? "" },
  });
  return parseWrk(stdout);
}

/** The ceiling is the fast-path bench's own bare node:http server (fast-path-server.ts `bare`). */
function start(mode: "bare" | "ofrep", databaseUrl?: string): Promise<RunningServer> {
  return mode === "bare"
    ? startMeasuredServer("bench/fast-path-server.ts", ["bare", "0"], {})
    : startMeasuredServer("bench/ofrep-server.ts", ["0", BENCH_FLAG], { OFREP_DATABASE_URL: databaseUrl ?? "" });
}

/** A wrk round with the server's CPU time per request (user + system, µs): steadier than requests/s on a shared machine. */
async function measuredRound(server: RunningServer, script: string, url: string): Promise<Round & Measure & { cpuMicrosPerRequest: number }> {
  const round = await server.measure(() => wrk(script, url, server.key, MEASURE_S));
  return { ...round, cpuMicrosPerRequest: +(round.cpuMicros / round.requests).toFixed(1) };
}

async function rssMb(pid: number | undefined): Promise<number> {
  const { stdout } = await promisify(execFile)("ps", ["-o", "rss=", "-p", String(pid)]);
  return Math.round(Number(stdout.trim()) / 1024);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** On the embedded PGlite in the server's process (the default install), or on the PostgreSQL database `databaseUrl`. */
export async function benchOfrep(databaseUrl?: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "exp-bench-ofrep-"));
  const script = path.join(dir, "ofrep.lua");
  writeFileSync(script, WRK_SCRIPT);
  const bare = await start("bare");
  const ofrep = await start("ofrep", databaseUrl);
  try {
    const urls = { bare: `http://127.0.0.1:${bare.port}/`, ofrep: `http://127.0.0.1:${ofrep.port}/ofrep/v1/evaluate/flags/${BENCH_FLAG}` };
    await wrk(script, urls.bare, null, WARM_UP_S);
    await wrk(script, urls.ofrep, ofrep.key, WARM_UP_S);
    const rounds: Array<{ bare: Round & { cpuMicrosPerRequest: number }; ofrep: Round & { cpuMicrosPerRequest: number }; ofrepRssMb: number; bareRssMb: number }> = [];
    for (let i = 0; i < ROUNDS; i++) {
      const b = await measuredRound(bare, script, urls.bare);
      const o = await measuredRound(ofrep, script, urls.ofrep);
      rounds.push({ bare: b, ofrep: o, ofrepRssMb: await rssMb(ofrep.pid), bareRssMb: await rssMb(bare.pid) });
    }
    if (rounds.some((r) => r.bare.non2xx || r.ofrep.non2xx)) throw new Error(`non-2xx answers: ${JSON.stringify(rounds)}`);
    const bareRps = median(rounds.map((r) => r.bare.perSecond));
    const ofrepRps = median(rounds.map((r) => r.ofrep.perSecond));
    return {
      database: databaseUrl ? "postgresql" : "pglite",
      connections: CONNECTIONS,
      rounds,
      median: {
        bare: { perSecond: bareRps, p50Ms: median(rounds.map((r) => r.bare.p50Ms)), p99Ms: median(rounds.map((r) => r.bare.p99Ms)), rssMb: median(rounds.map((r) => r.bareRssMb)), cpuMicrosPerRequest: median(rounds.map((r) => r.bare.cpuMicrosPerRequest)) },
        ofrep: { perSecond: ofrepRps, p50Ms: median(rounds.map((r) => r.ofrep.p50Ms)), p99Ms: median(rounds.map((r) => r.ofrep.p99Ms)), rssMb: median(rounds.map((r) => r.ofrepRssMb)), cpuMicrosPerRequest: median(rounds.map((r) => r.ofrep.cpuMicrosPerRequest)) },
      },
      ratio: +(ofrepRps / bareRps).toFixed(3),
      /** Bare node's CPU per request over OFREP's (medians): the same question in CPU time, steadier on a busy machine. */
      cpuRatio: +(median(rounds.map((r) => r.bare.cpuMicrosPerRequest)) / median(rounds.map((r) => r.ofrep.cpuMicrosPerRequest))).toFixed(3),
    };
  } finally {
    await bare.stop();
    await ofrep.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npx tsx bench/ofrep.bench-run.ts` runs this bench alone. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchOfrep();
  console.table(result.rounds.map((r) => ({ bareRps: r.bare.perSecond, bareP99: r.bare.p99Ms, bareCpuUs: r.bare.cpuMicrosPerRequest, ofrepRps: r.ofrep.perSecond, ofrepP50: r.ofrep.p50Ms, ofrepP99: r.ofrep.p99Ms, ofrepCpuUs: r.ofrep.cpuMicrosPerRequest, ofrepRssMb: r.ofrepRssMb })));
  console.log(JSON.stringify({ median: result.median, ratio: result.ratio, cpuRatio: result.cpuRatio }));
}
