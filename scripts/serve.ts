import { errorForLog } from "../server/log-error";
import { trustedProxyHops } from "../server/auth/client-address";
import { ensureAuthSecret } from "../server/auth/secret";
import { startServer } from "../server/http/server";

/** Shared by `npm start` and `npm run dev`: configuration from the environment, then serve until a signal. */
export async function serve(dev: boolean): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a port number (got "${process.env.PORT}").`);
  // localhost by default, so a fresh install (whose first visitor becomes its admin) is not exposed
  // to the network until someone chooses HOSTNAME=0.0.0.0.
  const hostname = process.env.HOSTNAME?.trim() || "localhost";
  const secret = ensureAuthSecret();
  if (secret === "generated") console.log(JSON.stringify({ level: "info", msg: "generated AUTH_SECRET in .data/auth-secret" }));
  if (secret !== "env" && process.env.DATABASE_URL) {
    console.warn(JSON.stringify({ level: "warn", msg: "AUTH_SECRET is not set: using .data/auth-secret; give every instance the same AUTH_SECRET" }));
  }

  const { close } = await startServer({ dev, port, hostname, trustedProxies: trustedProxyHops(process.env.TRUST_PROXY) });
  console.log(JSON.stringify({ level: "info", msg: "listening", url: `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`, pid: process.pid }));

  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(JSON.stringify({ level: "info", msg: "shutting down", signal }));
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(errorForLog(error));
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}
