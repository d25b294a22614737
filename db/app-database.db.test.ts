import { PGlite } from "@electric-sql/pglite";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prepareForServing, PendingMigrationsError } from "./app-database";
import { openDatabase } from "./client";
import { lockFilePath } from "./directory-lock";
import { readMigrationFiles } from "./migrate/files";
import { migrateDown, migrationStatus } from "./migrate/runner";
import { createTestDatabase } from "./testing/test-database";

const tmp = mkdtempSync(path.join(os.tmpdir(), "exp-app-db-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      const s = statSync(file);
      return `${path.relative(dir, file)}:${s.size}:${s.mtimeMs}`;
    })
    .sort();
}

describe("start-up readiness", () => {
  it("migrates the embedded database to head on start-up", async () => {
    const handle = await openDatabase({ kind: "pglite-instance", client: await PGlite.create() });
    try {
      await prepareForServing(handle, "test");
      expect((await migrationStatus(handle.runner)).pending).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it("refuses to serve from a shared database with pending migrations, naming the command", async () => {
    const handle = await createTestDatabase();
    try {
      await migrateDown(handle.runner);
      const asShared = { driver: "postgres" as const, runner: handle.runner };
      const tag = readMigrationFiles().at(-1)?.tag ?? "";
      await expect(prepareForServing(asShared, "test")).rejects.toThrow(PendingMigrationsError);
      await expect(prepareForServing(asShared, "test")).rejects.toThrow(
        `The database has 1 pending migration(s): ${tag}. Run \`npm run db:migrate\` to apply them.`,
      );
      // It only looked: the migration is still pending.
      expect((await migrationStatus(handle.runner)).pending.map((p) => p.tag)).toEqual([tag]);
    } finally {
      await handle.close();
    }
  });
});

describe("embedded directory lock", () => {
  it("refuses a second process with a message naming the holder, and that process touches nothing", async () => {
    const dataDir = path.join(tmp, "pglite");
    const holder = await openDatabase({ kind: "pglite", dataDir });
    try {
      await holder.runner.query("select 1");
      const before = listing(dataDir);
      const child = spawnSync(process.execPath, ["--import", "tsx", "scripts/db.ts", "status"], {
        env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: dataDir },
        encoding: "utf8",
      });
      expect(child.status).toBe(1);
      expect(child.stderr).toContain(`The embedded database directory ${dataDir} is locked: it is in use by process ${process.pid}`);
      expect(child.stderr).toContain("set DATABASE_URL");
      expect(listing(dataDir)).toEqual(before);
    } finally {
      await holder.close();
    }
    // Released on close: the next opener gets it.
    const next = await openDatabase({ kind: "pglite", dataDir });
    await next.close();
  });

  it("takes over a stale lock left by a process that died", async () => {
    const dataDir = path.join(tmp, "stale");
    const lock = lockFilePath(dataDir);
    // A pid far above Linux's pid_max stands for a process that no longer exists.
    const { writeFileSync } = await import("node:fs");
    writeFileSync(lock, JSON.stringify({ pid: 4_194_999, hostname: os.hostname(), command: "crashed", startedAt: "2020-01-01" }));
    const handle = await openDatabase({ kind: "pglite", dataDir });
    await handle.close();
  });
});
