/**
 * The parent's side of a benchmark server process (bench/measured-server.ts is the child's): starts the
 * compiled server, waits for its port, measures its CPU time and peak RSS around a load, and stops it.
 */
import { type ChildProcess, fork } from "node:child_process";
import { ensureBundle } from "../scripts/bundle.mjs";
import type { Measure, ServerMessage } from "./measured-server";

export interface RunningServer extends ServerMessage {
  pid: number | undefined;
  /** Runs a load while the server measures its peak RSS and CPU time. */
  measure<T>(run: () => Promise<T>): Promise<T & Measure>;
  stop(): Promise<void>;
}

/**
 * Forks `entry` compiled as `npm start` runs the server (scripts/bundle.mjs), not through tsx.
 * BENCH_CPU_PROF=1 writes each server's CPU profile to /tmp/prof, to see where its time goes.
 */
export async function startMeasuredServer(entry: string, args: string[], env: Record<string, string>): Promise<RunningServer> {
  const script = await ensureBundle(entry, "bench");
  const child: ChildProcess = fork(script, args, {
    execArgv: process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : [],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { ...process.env, ...env },
  });
  const message = await new Promise<ServerMessage>((resolve, reject) => {
    child.once("message", (m) => resolve(m as ServerMessage));
    child.once("exit", (code) => reject(new Error(`${entry} ${args.join(" ")} exited (${code}) before listening`)));
  });
  return {
    ...message,
    pid: child.pid,
    measure: async (run) => {
      child.send("measure-start");
      const result = await run();
      const measure = await new Promise<Measure>((resolve) => {
        child.once("message", (m) => resolve(m as Measure));
        child.send("measure-report");
      });
      return { ...result, ...measure };
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send("stop");
      await exited;
    },
  };
}
