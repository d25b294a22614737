/**
 * `npm start`: builds when the build is missing or older than the sources, then serves the app
 * (on the embedded database unless DATABASE_URL is set).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { runCli } from "./cli-runtime";
import { serve } from "./serve";

const SOURCES = ["app", "components", "core", "server", "db", "public", "proxy.ts", "next.config.mjs", "package-lock.json", "postcss.config.mjs"];

function newestSourceTime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((child) => newestSourceTime(path.join(entry, child))));
}

function buildIfNeeded(): void {
  const buildId = path.join(".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map(newestSourceTime));
  if (builtAt > changedAt) return;
  console.log(builtAt ? "Sources changed since the last build: building..." : "No build yet: building (about a minute)...");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status}).`);
}

runCli(async () => {
  Object.assign(process.env, { NODE_ENV: "production" });
  buildIfNeeded();
  await serve(false);
  await new Promise(() => {}); // serve until a signal
});
