import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/client";
import { apiKeys, experiments, users } from "../db/schema";
import { hashApiKey } from "../server/services/api-keys/key-material";

// The CLI as an operator runs it: a separate process on its own embedded database.
const tmp = mkdtempSync(path.join(os.tmpdir(), "exp-admin-cli-"));
const dataDir = path.join(tmp, "pglite");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function admin(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/admin.ts", ...args], { env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: dataDir }, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<T>): Promise<T> {
  const h = await openDatabase({ kind: "pglite", dataDir });
  try {
    return await fn(h.db);
  } finally {
    await h.close();
  }
}

describe("admin CLI", () => {
  it("prints the usage with every command and option for --help, and exits 0", () => {
    for (const args of [["--help"], ["help"], ["create-user", "--help"], ["-h"]]) {
      const help = admin(...args);
      expect(help.status).toBe(0);
      expect(help.stderr).toBe("");
      for (const word of ["create-user", "create-api-key", "--username", "--email", "--password", "--full-name", "--superuser", "--role", "--name", "--type", "--expires-at"]) {
        expect(help.stdout).toContain(word);
      }
    }
    const unknown = admin("frobnicate");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate".');
  });

  it("creates a user, and refuses a duplicate with a clear message and a non-zero exit", () => {
    const ok = admin("create-user", "--username", "ops", "--email", "ops@example.com", "--password", "long password", "--role", "viewer");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Created user ops <ops@example.com> with roles viewer \(id [0-9a-f-]{36}\)\./);
    const dup = admin("create-user", "--username", "OPS", "--email", "x@example.com", "--password", "long password");
    expect(dup.status).toBe(1);
    expect(dup.stderr).toContain('Error: The username "OPS" is taken.');
  });

  it("rejects bad arguments with usage (exit 2) and bad values with every field's message (exit 1), creating nothing", async () => {
    const missing = admin("create-user", "--username", "nobody");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("Missing --email, --password.");
    const unknownFlag = admin("create-user", "--nope");
    expect(unknownFlag.status).toBe(2);
    const bad = admin("create-user", "--username", "bad!", "--email", "nope", "--password", "short");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("--username: Use letters, digits");
    expect(bad.stderr).toContain("--email: Enter a valid email address.");
    expect(bad.stderr).toContain("--password: Password must be at least 12 characters.");
    expect(bad.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(await withDb((db) => db.$count(users))).toBe(1);
  });

  it("prints a new API key once, alone on its last line, and stores only its hash", async () => {
    const out = admin("create-api-key", "--name", "backend", "--type", "server");
    expect(out.status).toBe(0);
    const key = out.stdout.split("\n").at(-1) ?? "";
    expect(key).toMatch(/^exp_server_[A-Za-z0-9_-]{43}$/);
    const rows = await withDb((db) => db.select().from(apiKeys));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.keyHash).toBe(hashApiKey(key));
    expect(rows[0]?.prefix).toBe(key.slice(0, "exp_server_".length + 8));
    const wrongType = admin("create-api-key", "--name", "x", "--type", "root");
    expect(wrongType.status).toBe(2);
    expect(wrongType.stderr).toContain("--type must be client, server or admin");
  });

  it("fills the app with demo data owned by the existing user, refuses a second run, and checks --scale", async () => {
    expect(admin("demo", "--scale", "0").status).toBe(2);
    const out = admin("demo", "--scale", "0.01", "--help");
    expect(out.stdout).toContain("--scale");
    const demo = admin("demo", "--scale", "0.01");
    expect(demo.stderr.replace(/^\{"level":"info".*$/gm, "").trim()).toBe("");
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain("Created BANDIT experiment homepage-hero-bandit");
    expect(demo.stdout).toContain("Owner: ops.");
    expect(await withDb((db) => db.$count(experiments))).toBe(5);
    const again = admin("demo", "--scale", "0.01");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("Demo data already exists");
    expect(await withDb((db) => db.$count(experiments))).toBe(5);
  });
});
