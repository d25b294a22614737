/**
 * Starts one app server for the e2e suite on a database of its own, through the same code as
 * `npm start` (the build must exist: scripts/test-all.sh builds first).
 *   --fresh   an installation with no user (first-run setup)
 *   --seeded  users created beforehand with the admin CLI, as an operator would
 * On the embedded database each server gets a new data directory; with E2E_POSTGRES_URL (a server
 * URL) each gets a new database on that server, dropped on exit.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { databaseUrlFor } from "../db/testing/urls";
import { serve } from "../scripts/serve";
import { keysFile, serverLogFile, SEEDED_KEYS, SEEDED_USERS } from "./users";

const { values } = parseArgs({ options: { fresh: { type: "boolean" }, seeded: { type: "boolean" }, port: { type: "string" } } });
const port = values.port ?? "3210";
const env: NodeJS.ProcessEnv = { ...process.env, PORT: port, HOSTNAME: "localhost", AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789" };
const cleanups: Array<() => Promise<void> | void> = [];

async function prepareDatabase(): Promise<void> {
  const serverUrl = process.env.E2E_POSTGRES_URL;
  if (serverUrl) {
    const name = `exp_e2e_${port}_${process.pid}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    env.DATABASE_URL = databaseUrlFor(serverUrl, name);
    cleanups.push(async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    });
    // A real server is migrated at deploy time, as the README says, before the app starts.
    run(["run", "-s", "db:migrate"]);
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), `exp-e2e-${port}-`));
    env.PGLITE_DATA_DIR = path.join(dir, "pglite");
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  }
}

function run(args: string[]): string {
  const result = spawnSync("npm", args, { env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Everything the server writes from here on also goes to a file, which a spec searches for secrets. */
function captureLogs(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, "");
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      appendFileSync(file, chunk);
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
}

async function main(): Promise<void> {
  await prepareDatabase();
  if (values.seeded) {
    for (const u of SEEDED_USERS) {
      run(["run", "-s", "admin", "--", "create-user", "--username", u.username, "--email", u.email, "--password", u.password, ...u.flags]);
    }
    // Keys as an operator makes them; the specs read them from this file (the key is the last line).
    const keys = Object.fromEntries(
      SEEDED_KEYS.map((k) => [k.name, run(["run", "-s", "admin", "--", "create-api-key", "--name", k.name, ...k.flags]).trim().split("\n").at(-1)]),
    );
    mkdirSync(path.dirname(keysFile(port)), { recursive: true });
    writeFileSync(keysFile(port), JSON.stringify(keys));
  }
  Object.assign(process.env, env);
  captureLogs(serverLogFile(port));
  process.on("exit", () => {
    for (const c of cleanups) void c();
  });
  await serve(false);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
