import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { closeAppDatabase, getDatabaseHandle } from "@/db/app-database";
import { describeTarget, databaseTargetFromEnv } from "@/db/config";
import { endOpenStreams, type ServeOptions, serveFromNode } from "@/server/api/node-adapter";
import { forwardedClientAddress } from "@/server/auth/client-address";
import { matchFastRoute } from "@/server/api/routes";
import { startResultsRefresh } from "@/server/jobs/results-refresh";
import { startScheduler } from "@/server/jobs/scheduler";
import { errorForLog } from "@/server/log-error";
import { logRequests } from "./request-log";

const LOGGED: ServeOptions = { log: true };

export interface ServerOptions {
  dev: boolean;
  port: number;
  hostname: string;
  /** Reverse proxies in front of this server (TRUST_PROXY); 0 trusts none. */
  trustedProxies: number;
}

/**
 * The app's HTTP server. SDK endpoints will be answered here directly, without Next's request
 * pipeline (DESIGN §8: about 1.6k req/s through Next against ~60k for bare node:http); everything
 * else is handed to Next. It also stamps the client address Auth.js throttles on.
 */
export async function startServer(options: ServerOptions): Promise<{ server: Server; close: () => Promise<void> }> {
  // Open (and, when embedded, migrate) the database before serving: a locked data directory or a
  // PostgreSQL with pending migrations stops start-up here with its message.
  const database = await getDatabaseHandle();
  console.log(JSON.stringify({ level: "info", msg: "database ready", database: describeTarget(databaseTargetFromEnv()) }));

  const app = next({ dev: options.dev, dir: process.cwd(), hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.headers["x-real-ip"] = forwardedClientAddress(req.headers["x-forwarded-for"]?.toString(), req.socket.remoteAddress, options.trustedProxies);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const fast = matchFastRoute(req.method ?? "GET", path);
    if (fast) return serveFromNode(fast.route.handler, req, res, fast.params, LOGGED);
    logRequests(req, res);
    handle(req, res).catch((error: unknown) => {
      console.error(JSON.stringify({ level: "error", msg: "unhandled request error", error: errorForLog(error) }));
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("content-type", "application/json");
      }
      res.end(JSON.stringify({ error: { code: "internal", message: "Something went wrong on our side." } }));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, resolve);
  });

  const stopScheduler = startScheduler(database.db);
  const stopResultsRefresh = startResultsRefresh(database.db);

  const close = async () => {
    await stopScheduler();
    await stopResultsRefresh();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Event streams never end by themselves; the server could not close while one is open.
    endOpenStreams();
    await closed;
    server.closeAllConnections();
    await app.close();
    await closeAppDatabase();
  };
  return { server, close };
}
