/**
 * The server process of the ingestion benchmark (bench/events.bench-run.ts), started with fork(): the
 * SDK fast path as `npm start` serves it (request log, the app's route table, API-key check, cached
 * definitions, the event batcher) on the database of DATABASE_URL, opened as the app opens it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { closeAppDatabase, getDatabaseHandle } from "../db/app-database";
import { type ServeOptions, serveFromNode } from "../server/api/node-adapter";
import { matchFastRoute } from "../server/api/routes";
import { serveForParent } from "./measured-server";

const LOGGED: ServeOptions = { log: true };

async function main(): Promise<void> {
  await getDatabaseHandle();
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const fast = matchFastRoute(req.method ?? "GET", (req.url ?? "/").split("?")[0] ?? "/");
    if (!fast) {
      res.writeHead(404).end();
      return;
    }
    serveFromNode(fast.route.handler, req, res, fast.params, LOGGED);
  };
  await serveForParent(listener, Number(process.argv[2] ?? 0), null, { onStop: closeAppDatabase });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
