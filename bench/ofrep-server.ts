/**
 * The OFREP server process for bench/ofrep.bench-run.ts (its ceiling is fast-path-server.ts's `bare`),
 * started with fork(): `POST /ofrep/v1/evaluate/flags/{key}` as `npm start` serves it (request log, route
 * match, API-key check, CORS, cached definitions, evaluation) on a migrated in-memory PGlite, or on the
 * PostgreSQL database OFREP_DATABASE_URL names, with one realistic flag: a rule with two conditions and a
 * 50% rollout, then a 10% default rollout.
 * It talks with the parent as bench/measured-server.ts says: its port and key, its CPU time and peak RSS
 * around a load, and exit.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { PGlite } from "@electric-sql/pglite";
import { eq } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { featureFlags } from "../db/schema";
import { migrateUp } from "../db/migrate/runner";
import { ofrepFlagHandler } from "../server/api/endpoints/ofrep/ofrep-endpoints";
import { type ServeOptions, serveFromNode } from "../server/api/node-adapter";
import { createApiKey } from "../server/services/api-keys/create-api-key";
import { createFlag } from "../server/services/flags/create-flag";
import { systemContext } from "../server/services/testing";
import { serveForParent } from "./measured-server";

/** As `npm start` serves the fast path: with its log line (BENCH_LOG=off leaves it out, to measure what it costs). */
const LOGGED: ServeOptions = { log: process.env.BENCH_LOG !== "off" };

const BENCH_FLAG = process.argv[3] ?? "bench-new-checkout";

async function ofrep(): Promise<{ listener: (req: IncomingMessage, res: ServerResponse) => void; key: string }> {
  const url = process.env.OFREP_DATABASE_URL;
  const handle = url ? await openDatabase({ kind: "postgres", url }) : await openDatabase({ kind: "pglite-instance", client: await PGlite.create() });
  await migrateUp(handle.runner);
  const ctx = systemContext(handle.db);
  // A database kept from an earlier run holds the flag already.
  await handle.db.delete(featureFlags).where(eq(featureFlags.key, BENCH_FLAG));
  await createFlag(ctx, {
    key: BENCH_FLAG,
    name: "New checkout",
    status: "ACTIVE",
    rolloutPercentage: 10,
    targetingRules: [{ id: "na-paid", condition: { country: { $in: ["US", "CA"] }, plan: { $ne: "free" } }, rolloutPercentage: 50 }],
  });
  const { key } = await createApiKey(ctx, { name: "bench", type: "client" });
  const handler = ofrepFlagHandler({ database: () => handle });
  const route = /^\/ofrep\/v1\/evaluate\/flags\/([^/]+)$/;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const match = route.exec((req.url ?? "/").split("?")[0] ?? "/");
    if (!match || req.method !== "POST") return void res.writeHead(404).end();
    serveFromNode(handler, req, res, { key: decodeURIComponent(match[1] ?? "") }, LOGGED);
  };
  return { listener, key };
}

async function main(): Promise<void> {
  const { listener, key } = await ofrep();
  await serveForParent(listener, Number(process.argv[2] ?? 0), key);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
