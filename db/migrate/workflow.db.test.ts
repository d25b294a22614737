import { PGlite } from "@electric-sql/pglite";
import { generateDrizzleJson, generateMigration } from "drizzle-kit/api";
import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../client";
import * as schema from "../schema";
import { databaseUrlFor } from "../testing/urls";
import { migrationsFolder, readMigrationFiles, splitStatements } from "./files";
import { MigrationError, migrateDown, migrateUp, migrationStatus, pendingMigrationsMessage } from "./runner";

const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (open.length) await open.pop()?.();
});

/** An empty database (no template): these tests exercise the migrations themselves. */
async function emptyDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `exp_test_mig_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    const handle = await openDatabase({ kind: "postgres", url: databaseUrlFor(serverUrl, name), maxConnections: 2 });
    open.push(async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    });
    return handle;
  }
  const handle = await openDatabase({ kind: "pglite-instance", client: await PGlite.create() });
  open.push(() => handle.close());
  return handle;
}

async function snapshotOfDatabase(handle: DatabaseHandle) {
  const columns = await handle.runner.query<{ f: string }>(
    `SELECT table_name || '.' || column_name || ':' || data_type || ':' || is_nullable || ':' || coalesce(column_default, '') AS f
     FROM information_schema.columns WHERE table_schema = 'experimentation' ORDER BY 1`,
  );
  const indexes = await handle.runner.query<{ f: string }>(
    `SELECT indexdef AS f FROM pg_indexes WHERE schemaname = 'experimentation' ORDER BY 1`,
  );
  const constraints = await handle.runner.query<{ f: string }>(
    `SELECT conname || ':' || pg_get_constraintdef(c.oid) AS f FROM pg_constraint c
     JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'experimentation' ORDER BY 1`,
  );
  return { columns: columns.map((r) => r.f), indexes: indexes.map((r) => r.f), constraints: constraints.map((r) => r.f) };
}

describe("migration workflow", () => {
  const files = readMigrationFiles();

  it("applies every migration to an empty database and reports head", async () => {
    const db = await emptyDatabase();
    expect((await migrationStatus(db.runner, files)).current).toBeNull();
    expect(await migrateUp(db.runner, files)).toEqual(files.map((f) => f.tag));
    const status = await migrationStatus(db.runner, files);
    expect(status.current).toBe(files.at(-1)?.tag);
    expect(status.pending).toEqual([]);
    expect(pendingMigrationsMessage(status)).toBeNull();
    // A second run is a no-op.
    expect(await migrateUp(db.runner, files)).toEqual([]);
  });

  it("rolls back one step, to a tag, and to base, then returns to the same head", async () => {
    const db = await emptyDatabase();
    await migrateUp(db.runner, files);
    const atHead = await snapshotOfDatabase(db);

    expect(await migrateDown(db.runner, {}, files)).toEqual([files.at(-1)?.tag]);
    const behind = await migrationStatus(db.runner, files);
    expect(behind.pending.map((p) => p.tag)).toEqual([files.at(-1)?.tag]);
    expect(pendingMigrationsMessage(behind)).toMatch(/npm run db:migrate/);

    const first = files[0]?.tag ?? "";
    await migrateDown(db.runner, { to: first }, files);
    expect((await migrationStatus(db.runner, files)).current).toBe(first);

    await migrateDown(db.runner, { to: "base" }, files);
    expect((await migrationStatus(db.runner, files)).current).toBeNull();
    const leftovers = await db.runner.query(`SELECT nspname FROM pg_namespace WHERE nspname = 'experimentation'`);
    expect(leftovers).toEqual([]);

    await migrateUp(db.runner, files);
    expect(await snapshotOfDatabase(db)).toEqual(atHead);
  });

  it("refuses a rollback target that does not exist, changing nothing", async () => {
    const db = await emptyDatabase();
    await migrateUp(db.runner, files);
    await expect(migrateDown(db.runner, { to: "9999_nope" }, files)).rejects.toThrow(MigrationError);
    expect((await migrationStatus(db.runner, files)).current).toBe(files.at(-1)?.tag);
  });

  it("applies concurrent runs once (advisory lock)", async () => {
    const db = await emptyDatabase();
    const [a, b] = await Promise.all([migrateUp(db.runner, files), migrateUp(db.runner, files)]);
    expect([...(a ?? []), ...(b ?? [])].sort()).toEqual(files.map((f) => f.tag).sort());
  });

  it("ships a non-empty, reviewed down script for every migration", () => {
    for (const f of files) {
      expect(f.downSql, `drizzle/down/${f.tag}.sql`).not.toBeNull();
      expect(splitStatements(f.downSql ?? "").length, `drizzle/down/${f.tag}.sql has no statements`).toBeGreaterThan(0);
    }
  });

  it("keeps the models in sync with the committed migrations (db:generate would produce nothing)", async () => {
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: Array<{ idx: number }> };
    const last = journal.entries.at(-1)?.idx ?? 0;
    const snapshot = JSON.parse(
      readFileSync(path.join(migrationsFolder, "meta", `${String(last).padStart(4, "0")}_snapshot.json`), "utf8"),
    ) as Parameters<typeof generateMigration>[0];
    const current = generateDrizzleJson(schema, snapshot.id, ["experimentation"]);
    expect(await generateMigration(snapshot, current)).toEqual([]);
  });
});
