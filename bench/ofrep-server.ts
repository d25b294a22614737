/**
 * A server process for the OFREP benchmark (bench/ofrep.bench-run.ts), started with fork():
 *   bare   a bare node:http server that reads the JSON body and answers a small JSON: the ceiling
 *   ofrep  `POST /ofrep/v1/evaluate/flags/{key}` as `npm start` serves it (request log, route match,
 *          API-key check, CORS, cached definitions, evaluation) on a migrated in-memory PGlite with one
 *          realistic flag: a rule with two conditions and a 50% rollout, then a 10% default rollout
 * It tells the parent its port (and key) over IPC once it listens, and exits when the parent says so.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "../db/client";
import { migrateUp } from "../db/migrate/runner";
import { ofrepFlagHandler } from "../server/api/endpoints/ofrep/ofrep-endpoints";
import { serveFromNode } from "../server/api/node-adapter";
import { logRequests } from "../server/http/request-log";
import { createApiKey } from "../server/services/api-keys/create-api-key";
import { createFlag } from "../server/services/flags/create-flag";
import { systemContext } from "../server/services/testing";

export type OfrepServerMessage = { port: number; key: string | null };

const BENCH_FLAG = process.argv[4] ?? "bench-new-checkout";

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

async function ofrep(): Promise<{ listener: (req: IncomingMessage, res: ServerResponse) => void; key: string }> {
  const handle = await openDatabase({ kind: "pglite-instance", client: await PGlite.create() });
  await migrateUp(handle.runner);
  const ctx = systemContext(handle.db);
  await createFlag(ctx, {
    key: BENCH_FLAG,
    name: "New checkout",
    status: "ACTIVE",
    rolloutPercentage: 10,
    targetingRules: [{ id: "na-paid", condition: { country: { $in: ["US", "CA"] }, plan: { $ne: "free" } }, rolloutPercentage: 50 }],
  });
  const { key } = await createApiKey(ctx, { name: "bench", type: "client" });
  const handler = ofrepFlagHandler({ database: async () => handle });
  const route = /^\/ofrep\/v1\/evaluate\/flags\/([^/]+)$/;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    logRequests(req, res);
    const match = route.exec((req.url ?? "/").split("?")[0] ?? "/");
    if (!match || req.method !== "POST") return void res.writeHead(404).end();
    void serveFromNode(handler, req, res, { key: decodeURIComponent(match[1] ?? "") });
  };
  return { listener, key };
}

async function main(): Promise<void> {
  const [mode, port] = [process.argv[2], Number(process.argv[3])];
  if (mode !== "bare" && mode !== "ofrep") throw new Error(`mode must be bare or ofrep (got ${mode})`);
  const { listener, key } = mode === "bare" ? { listener: bare(), key: null } : await ofrep();
  const server = createServer(listener);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const message: OfrepServerMessage = { port, key };
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
