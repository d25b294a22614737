/**
 * The child process of bench/log-line.bench-run.ts: prices the request log line (CPU with it minus
 * without, per line), its stdout on /dev/null, and sends the result over IPC.
 */
import { logRequest } from "../server/http/request-log";

export type LogLineResult = { microsPerLine: number; rounds: number[] };

const LINES = 200_000;
const TURN = 32;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

async function finishRequests(count: number, log: boolean): Promise<void> {
  for (let i = 0; i < count; i += TURN) {
    for (let j = 0; j < TURN; j++) {
      const startedAt = performance.now();
      if (log) logRequest("POST", "/ofrep/v1/evaluate/flags/bench-new-checkout", 200, startedAt);
    }
    await nextTurn();
  }
}

async function cpuMicros(run: () => Promise<void>): Promise<number> {
  const start = process.cpuUsage();
  await run();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

/** In the child: the median over rounds of (CPU with the log line − CPU without) / lines, in µs. */
async function measure(rounds: number): Promise<LogLineResult> {
  await finishRequests(20_000, true);
  const perLine: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const logged = await cpuMicros(() => finishRequests(LINES, true));
    const bare = await cpuMicros(() => finishRequests(LINES, false));
    perLine.push((logged - bare) / LINES);
  }
  const sorted = [...perLine].sort((a, b) => a - b);
  return { microsPerLine: +sorted[Math.floor(sorted.length / 2)]!.toFixed(2), rounds: perLine.map((x) => +x.toFixed(2)) };
}

const rounds = Number(process.argv[2] ?? 3);
const result = await measure(rounds);
process.send?.(result, () => process.exit(0));
