import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Auth.js signs session cookies with AUTH_SECRET. When it is not configured, a secret is generated
 * once and kept in .data/auth-secret (mode 600), so a first start needs no configuration and sessions
 * survive restarts. Several instances behind a load balancer must share one AUTH_SECRET instead.
 */
export function ensureAuthSecret(env: NodeJS.ProcessEnv = process.env, dataDir = path.resolve(process.cwd(), ".data")): "env" | "file" | "generated" {
  if (env.AUTH_SECRET?.trim()) return "env";
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) {
    env.AUTH_SECRET = readFileSync(file, "utf8").trim();
    return "file";
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  env.AUTH_SECRET = secret;
  return "generated";
}
