/**
 * The SDK fast path (DESIGN §8, §9) against its ceiling measured in the same run: a bare node:http
 * server. Each server runs in a process of its own and is loaded the same way: 32 keep-alive
 * connections for a fixed time, by wrk (Debian's package; one thread, leaving the other core to the
 * server) when it is installed, else by a load generator in this process, which saturates sooner, so
 * the report names the generator. Requests are `POST /api/v1/assignments` for returning users
 * (assigned before the warm-up), the common case for an SDK, which DESIGN §9 wants answered without
 * the database.
 */
import { execFile, fork } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { ServerMessage } from "./fast-path-server";

const CONNECTIONS = 32;
const WARM_UP_MS = 2_000;
const MEASURE_MS = 6_000;
const USERS = 2_000;
const WRK = "/usr/bin/wrk";

/** The request every generator sends: user `i mod USERS`, so each connection cycles through returning users. */
const bodyFor = (experiment: string | null) => (i: number) => JSON.stringify({ userId: `user-${i % USERS}`, experiments: [experiment ?? "bench-checkout"] });

interface LoadResult {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  non200: number;
}

function post(agent: Agent, port: number, path: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: "127.0.0.1", port, path, method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers } },
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
async function loadInProcess(port: number, bodyFor: (i: number) => string, headers: Record<string, string>, ms: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let non200 = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + ms;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const i = sent++;
        const t = performance.now();
        const status = await post(agent, port, "/api/v1/assignments", bodyFor(i), headers);
        latencies.push(performance.now() - t);
        if (status !== 200) non200++;
      }
    }),
  );
  const elapsed = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests: latencies.length, perSecond: Math.round((latencies.length / elapsed) * 1000), p50Ms: +at(0.5).toFixed(2), p99Ms: +at(0.99).toFixed(2), non200 };
}

const WRK_SCRIPT = `
local counter = 0
local users = ${USERS}
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local key = os.getenv("BENCH_KEY")
if key ~= nil and key ~= "" then wrk.headers["Authorization"] = "Bearer " .. key end
local experiment = os.getenv("BENCH_EXPERIMENT") or "bench-checkout"
request = function()
  counter = counter + 1
  return wrk.format(nil, "/api/v1/assignments", nil, string.format('{"userId":"user-%d","experiments":["%s"]}', counter % users, experiment))
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
  const non200 = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  if (!Number.isFinite(requests) || !Number.isFinite(perSecond) || !p50 || !p99) throw new Error(`wrk output not understood:\n${output}`);
  return { requests, perSecond: Math.round(perSecond), p50Ms: +duration(p50).toFixed(2), p99Ms: +duration(p99).toFixed(2), non200 };
}

async function loadWithWrk(port: number, message: ServerMessage, ms: number): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "exp-bench-"));
  try {
    const script = path.join(dir, "assignments.lua");
    writeFileSync(script, WRK_SCRIPT);
    const { stdout } = await promisify(execFile)(
      WRK,
      ["-t1", `-c${CONNECTIONS}`, `-d${Math.round(ms / 1000)}s`, "--latency", "-s", script, `http://127.0.0.1:${port}/api/v1/assignments`],
      { env: { ...process.env, BENCH_KEY: message.key ?? "", BENCH_EXPERIMENT: message.experiment ?? "" } },
    );
    return parseWrk(stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function load(message: ServerMessage, ms: number): Promise<LoadResult> {
  if (existsSync(WRK)) return loadWithWrk(message.port, message, ms);
  const headers: Record<string, string> = message.key ? { authorization: `Bearer ${message.key}` } : {};
  return loadInProcess(message.port, bodyFor(message.experiment), headers, ms);
}

async function withServer<T>(mode: "bare" | "assignments", run: (message: ServerMessage) => Promise<T>): Promise<T> {
  const script = fileURLToPath(new URL("./fast-path-server.ts", import.meta.url));
  // BENCH_CPU_PROF=1 writes each server's CPU profile to /tmp/prof, to see where its time goes.
  const child = fork(script, [mode], { execArgv: ["--import", "tsx", ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : [])], stdio: ["ignore", "ignore", "inherit", "ipc"] });
  try {
    const message = await new Promise<ServerMessage>((resolve, reject) => {
      child.once("message", (m) => resolve(m as ServerMessage));
      child.once("exit", (code) => reject(new Error(`${mode} server exited (${code}) before listening`)));
    });
    return await run(message);
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.send("stop");
    await exited;
  }
}

/** Assigns every bench user once, so that the measured requests are all returning users. */
async function assignEveryUser(message: ServerMessage): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const headers = { authorization: `Bearer ${message.key}` };
  const body = bodyFor(message.experiment);
  try {
    for (let start = 0; start < USERS; start += CONNECTIONS) {
      const batch = Array.from({ length: Math.min(CONNECTIONS, USERS - start) }, (_, j) => post(agent, message.port, "/api/v1/assignments", body(start + j), headers));
      if ((await Promise.all(batch)).some((status) => status !== 200)) throw new Error("assigning the bench's users failed");
    }
  } finally {
    agent.destroy();
  }
}

export async function benchFastPath() {
  const measure = async (message: ServerMessage) => {
    await load(message, WARM_UP_MS);
    return load(message, MEASURE_MS);
  };
  const bare = await withServer("bare", measure);
  const assignments = await withServer("assignments", async (message) => {
    await assignEveryUser(message);
    return measure(message);
  });
  if (bare.non200 || assignments.non200) throw new Error(`non-200 answers: bare ${bare.non200}, assignments ${assignments.non200}`);
  return {
    generator: existsSync(WRK) ? "wrk, 1 thread" : "in-process Node client (install wrk for a higher ceiling)",
    connections: CONNECTIONS,
    bare,
    assignments,
    ratio: +(assignments.perSecond / bare.perSecond).toFixed(3),
  };
}
