import path from "node:path";
import type { DatabaseTarget } from "./client";

/** Where the embedded database lives when DATABASE_URL is not set (gitignored). */
export const defaultDataDir = () => path.resolve(process.cwd(), ".data", "pglite");

/** DATABASE_URL → PostgreSQL; otherwise the embedded PGlite database (DESIGN §3). */
export function databaseTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(`DATABASE_URL must be a postgres:// or postgresql:// URL (got "${url.split(":")[0]}:...").`);
    }
    const max = Number(env.DATABASE_POOL_MAX ?? 10);
    return { kind: "postgres", url, maxConnections: Number.isInteger(max) && max > 0 ? max : 10 };
  }
  return { kind: "pglite", dataDir: env.PGLITE_DATA_DIR ? path.resolve(env.PGLITE_DATA_DIR) : defaultDataDir() };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "postgres") {
    const u = new URL(target.url);
    return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }
  if (target.kind === "pglite") return `embedded PGlite at ${target.dataDir}`;
  return "embedded PGlite (in memory)";
}
