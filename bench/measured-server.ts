/**
 * The benchmark servers' side of their conversation with the parent (bench/*.bench-run.ts), which
 * fork()s them: a server listens, tells its port (and key) over IPC, measures its peak RSS and CPU
 * time between "measure-start" and "measure-report", and exits on "stop".
 */
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";

/** What the server tells the parent once it listens. */
export type ServerMessage = { port: number; key: string | null };
/** What the parent asks: start measuring (peak RSS, CPU time), report the measure, or stop. */
export type ParentCommand = "measure-start" | "measure-report" | "stop";
/**
 * The answer to "measure-report": since "measure-start", the peak RSS, the CPU time used (user + system)
 * and, for a server that counts them, the batches it wrote (how many requests share one INSERT; else 0).
 */
export type Measure = { peakRss: number; cpuMicros: number; batches: number };

export interface ServeOptions {
  /** Runs after the server closed, before exiting. */
  onStop?: () => Promise<void>;
  /** The batches written so far. */
  batches?: () => number;
}

/** Serves `listener` on `port` (0: any free one) for the parent. */
export async function serveForParent(listener: RequestListener, port: number, key: string | null, options: ServeOptions = {}): Promise<void> {
  const { onStop = async () => {}, batches = () => 0 } = options;
  const server = createServer(listener);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  let peakRss = process.memoryUsage.rss();
  let cpuAtStart = process.cpuUsage();
  let batchesAtStart = batches();
  setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 200).unref();
  const message: ServerMessage = { port: (server.address() as AddressInfo).port, key };
  process.send?.(message);
  process.on("message", (command: ParentCommand) => {
    if (command === "measure-start") {
      peakRss = process.memoryUsage.rss();
      cpuAtStart = process.cpuUsage();
      batchesAtStart = batches();
    } else if (command === "measure-report") {
      const cpu = process.cpuUsage(cpuAtStart);
      const measure: Measure = { peakRss: Math.max(peakRss, process.memoryUsage.rss()), cpuMicros: cpu.user + cpu.system, batches: batches() - batchesAtStart };
      process.send?.(measure);
    } else {
      server.closeAllConnections();
      server.close(() => void onStop().then(() => process.exit(0)));
    }
  });
}
