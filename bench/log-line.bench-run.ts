/**
 * What the per-request log line costs (issue 7 item 9), measured apart rather than only as the
 * difference of two servers' CPU per request (fast-path.bench-run.ts), which a busy machine can swamp:
 * bench/log-line-worker.ts, compiled as `npm start` runs, finishes many fake requests in event-loop
 * turns of 32 (as under 32 connections) with and without `logRequests`. Its stdout is /dev/null, so the
 * lines are really written, one write(2) per turn, as a server logging to a file or pipe does.
 */
import { fork } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { ensureBundle } from "../scripts/bundle.mjs";
import type { LogLineResult } from "./log-line-worker";

export async function benchLogLine(rounds = 3): Promise<LogLineResult> {
  const script = await ensureBundle("bench/log-line-worker.ts", "bench");
  const devNull = openSync("/dev/null", "w");
  try {
    const child = fork(script, [String(rounds)], { stdio: ["ignore", devNull, "inherit", "ipc"] });
    return await new Promise<LogLineResult>((resolve, reject) => {
      child.once("message", (m) => resolve(m as LogLineResult));
      child.once("exit", (code) => reject(new Error(`the log-line bench exited (${code}) without a result`)));
    });
  } finally {
    closeSync(devNull);
  }
}
