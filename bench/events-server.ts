/**
 * The server process of the ingestion benchmark (bench/events.bench-run.ts), started with fork(): the
 * SDK fast path as `npm start` serves it (request log, the app's route table, API-key check, cached
 * definitions, the event batcher) on the database of DATABASE_URL, opened as the app opens it. It tells
 * the parent its port once it listens, its peak RSS when asked, and exits when told to.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { closeAppDatabase, getDatabaseHandle } from "../db/app-database";
import { serveFromNode } from "../server/api/node-adapter";
import { matchFastRoute } from "../server/api/routes";
import { logRequests } from "../server/http/request-log";
import type { Measure, ParentCommand, ServerMessage } from "./fast-path-server";

async function main(): Promise<void> {
  await getDatabaseHandle();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    logRequests(req, res);
    const fast = matchFastRoute(req.method ?? "GET", (req.url ?? "/").split("?")[0] ?? "/");
    if (!fast) {
      res.writeHead(404).end();
      return;
    }
    void serveFromNode(fast.route.handler, req, res, fast.params);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(Number(process.argv[2] ?? 0), "127.0.0.1", resolve));
  let peakRss = process.memoryUsage.rss();
  let cpuAtStart = process.cpuUsage();
  setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 100).unref();
  const message: ServerMessage = { port: (server.address() as AddressInfo).port, key: null };
  process.send?.(message);
  process.on("message", (command: ParentCommand) => {
    if (command === "measure-start") {
      peakRss = process.memoryUsage.rss();
      cpuAtStart = process.cpuUsage();
    } else if (command === "measure-report") {
      const cpu = process.cpuUsage(cpuAtStart);
      const measure: Measure = { peakRss: Math.max(peakRss, process.memoryUsage.rss()), cpuMicros: cpu.user + cpu.system };
      process.send?.(measure);
    } else {
      server.closeAllConnections();
      server.close(() => void closeAppDatabase().then(() => process.exit(0)));
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
