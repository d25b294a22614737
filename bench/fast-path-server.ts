/**
 * A server process for the fast-path benchmark (bench/fast-path.bench-run.ts), started with fork():
 *   bare         a bare node:http server that reads the JSON body and answers a small JSON: the ceiling
 *   assignments  our SDK fast path as `npm start` serves it (request log, route match, API-key check,
 *                cached definitions, the assignment service) on a migrated in-memory PGlite with one
 *                ACTIVE experiment and a client key
 * It tells the parent its port (and key) over IPC once it listens, and exits when the parent says so.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "../db/client";
import { migrateUp } from "../db/migrate/runner";
import { assignmentsHandler } from "../server/api/endpoints/assignments";
import { serveFromNode } from "../server/api/node-adapter";
import { logRequests } from "../server/http/request-log";
import { createApiKey } from "../server/services/api-keys/create-api-key";
import { changeExperimentStatus } from "../server/services/experiments/change-experiment-status";
import { createExperiment } from "../server/services/experiments/create-experiment";
import { readyExperiment } from "../server/services/experiments/experiment-fixtures";
import { systemContext } from "../server/services/testing";

const BENCH_EXPERIMENT = "bench-checkout";

/** What the server tells the parent once it listens. */
export type ServerMessage = { port: number; key: string | null; experiment: string | null };

function bare(): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      const payload = JSON.stringify({ ok: true, echo: typeof body });
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(payload) });
      res.end(payload);
    });
  };
}

async function assignments(): Promise<{ listener: (req: IncomingMessage, res: ServerResponse) => void; key: string }> {
  const handle = await openDatabase({ kind: "pglite-instance", client: await PGlite.create() });
  await migrateUp(handle.runner);
  const ctx = systemContext(handle.db);
  await createExperiment(ctx, readyExperiment(BENCH_EXPERIMENT));
  await changeExperimentStatus(ctx, { experiment: { key: BENCH_EXPERIMENT }, status: "ACTIVE" });
  const { key } = await createApiKey(ctx, { name: "bench", type: "client" });
  const handler = assignmentsHandler(async () => handle);
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    logRequests(req, res);
    void serveFromNode(handler, req, res, {});
  };
  return { listener, key };
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== "bare" && mode !== "assignments") throw new Error(`mode must be bare or assignments (got ${mode})`);
  const { listener, key } = mode === "bare" ? { listener: bare(), key: null } : await assignments();
  const server = createServer(listener);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const message: ServerMessage = { port: (server.address() as AddressInfo).port, key, experiment: key ? BENCH_EXPERIMENT : null };
  process.send?.(message);
  process.on("message", () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
