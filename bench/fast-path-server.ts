/**
 * A server process for the fast-path benchmark (bench/fast-path.bench-run.ts), started with fork():
 *   bare         a bare node:http server that reads the JSON body and answers a small JSON: the ceiling
 *   assignments  our SDK fast path as `npm start` serves it (request log, route match, API-key check,
 *                cached definitions, the assignment service), on the PostgreSQL database of
 *                BENCH_DATABASE_URL (seeded by the parent, which passes the key in BENCH_KEY) or else a
 *                migrated in-memory PGlite it seeds itself. BENCH_LOG=off leaves out the request log, to
 *                measure what a log line costs.
 * It tells the parent its port and key over IPC once it listens, its peak RSS when asked, and exits
 * when the parent says so.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "../db/client";
import { assignmentsHandler } from "../server/api/endpoints/assignments";
import { type ServeOptions, serveFromNode } from "../server/api/node-adapter";
import { matchFastRoute } from "../server/api/routes";
import { assignmentWriter } from "../server/services/assignments/insert-assignments";
import { seedFastPath } from "./fast-path-seed";
import { serveForParent } from "./measured-server";

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

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

async function assignments(): Promise<{ listener: Listener; key: string; batches: () => number }> {
  const url = process.env.BENCH_DATABASE_URL;
  const handle = url ? await openDatabase({ kind: "postgres", url }) : await openDatabase({ kind: "pglite-instance", client: await PGlite.create() });
  const key = url ? process.env.BENCH_KEY : (await seedFastPath(handle)).key;
  if (!key) throw new Error("BENCH_KEY is required with BENCH_DATABASE_URL");
  // The app's own handler, on this database (the one in fastRoutes would open DATABASE_URL's).
  const handler = assignmentsHandler(() => handle);
  const logged: ServeOptions = { log: process.env.BENCH_LOG !== "off" };
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const fast = matchFastRoute(req.method ?? "GET", path);
    if (!fast) {
      res.writeHead(404).end();
      return;
    }
    serveFromNode(handler, req, res, fast.params, logged);
  };
  return { listener, key, batches: () => assignmentWriter(handle.db).batches };
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== "bare" && mode !== "assignments") throw new Error(`mode must be bare or assignments (got ${mode})`);
  const { listener, key, batches } = mode === "bare" ? { listener: bare(), key: null, batches: () => 0 } : await assignments();
  await serveForParent(listener, Number(process.argv[3] ?? 0), key, { batches });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
