import { type MigrationFile, readMigrationFiles, splitStatements } from "./files";

/**
 * What the runner needs from a connection. Implemented for PGlite and postgres.js in db/client, so the
 * same code migrates the embedded database and a real server.
 */
export interface SqlRunner {
  query<Row extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

export interface AppliedMigration {
  tag: string;
  hash: string;
  appliedAt: Date;
}

export interface MigrationStatus {
  applied: AppliedMigration[];
  pending: MigrationFile[];
  /** Applied in the database but unknown to this code (the database is newer than the code). */
  unknown: AppliedMigration[];
  /** Applied, but the committed up script no longer matches what was applied. */
  modified: string[];
  current: string | null;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

// The ledger lives outside schema "experimentation" so that rolling back to base (which drops that
// schema) keeps the record of what is applied.
const LEDGER = `"experimentation_migrations"."applied"`;
// Serializes migration runs from several app instances or CLI calls (held per transaction).
const LOCK_KEY = 7_310_452_019;

async function ensureLedger(db: SqlRunner): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS "experimentation_migrations"`);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS ${LEDGER} (
         "idx" integer NOT NULL,
         "tag" text PRIMARY KEY,
         "hash" text NOT NULL,
         "applied_at" timestamptz NOT NULL DEFAULT now()
       )`,
    );
  });
}

async function readLedger(db: SqlRunner): Promise<AppliedMigration[]> {
  const exists = await db.query<{ present: boolean }>(`SELECT to_regclass('experimentation_migrations.applied') IS NOT NULL AS present`);
  if (!exists[0]?.present) return [];
  const rows = await db.query<{ tag: string; hash: string; applied_at: Date | string }>(
    `SELECT "tag", "hash", "applied_at" FROM ${LEDGER} ORDER BY "idx"`,
  );
  return rows.map((r) => ({ tag: r.tag, hash: r.hash, appliedAt: new Date(r.applied_at) }));
}

export async function migrationStatus(db: SqlRunner, files = readMigrationFiles()): Promise<MigrationStatus> {
  const applied = await readLedger(db);
  const appliedTags = new Set(applied.map((a) => a.tag));
  const byTag = new Map(files.map((f) => [f.tag, f]));
  return {
    applied,
    pending: files.filter((f) => !appliedTags.has(f.tag)),
    unknown: applied.filter((a) => !byTag.has(a.tag)),
    modified: applied.filter((a) => byTag.has(a.tag) && byTag.get(a.tag)?.hash !== a.hash).map((a) => a.tag),
    current: applied.at(-1)?.tag ?? null,
  };
}

async function runScript(tx: SqlRunner, tag: string, sql: string, direction: "up" | "down"): Promise<void> {
  for (const statement of splitStatements(sql)) {
    try {
      await tx.query(statement);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new MigrationError(`Migration ${tag} (${direction}) failed: ${reason}\nStatement:\n${statement}`);
    }
  }
}

/** Applies every pending migration in order, each in its own transaction. Returns the tags applied. */
export async function migrateUp(db: SqlRunner, files = readMigrationFiles()): Promise<string[]> {
  await ensureLedger(db);
  const done: string[] = [];
  for (const file of files) {
    const appliedNow = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
      // Re-read under the lock: another instance may have applied it meanwhile.
      const seen = await tx.query(`SELECT 1 FROM ${LEDGER} WHERE "tag" = $1`, [file.tag]);
      if (seen.length > 0) return false;
      await runScript(tx, file.tag, file.upSql, "up");
      await tx.query(`INSERT INTO ${LEDGER} ("idx", "tag", "hash") VALUES ($1, $2, $3)`, [file.idx, file.tag, file.hash]);
      return true;
    });
    if (appliedNow) done.push(file.tag);
  }
  return done;
}

/**
 * Rolls back applied migrations, newest first, with their reviewed down scripts: one step by default,
 * or down to (not including) `to`; `to: "base"` rolls back everything. Returns the tags rolled back.
 */
export async function migrateDown(
  db: SqlRunner,
  options: { to?: string } = {},
  files = readMigrationFiles(),
): Promise<string[]> {
  const status = await migrationStatus(db, files);
  if (status.unknown.length > 0) {
    throw new MigrationError(
      `The database has migrations this code does not know (${status.unknown.map((u) => u.tag).join(", ")}); roll back with the code that applied them.`,
    );
  }
  const appliedTags = status.applied.map((a) => a.tag);
  let targets: string[];
  if (options.to === undefined) {
    targets = appliedTags.slice(-1);
  } else if (options.to === "base") {
    targets = appliedTags.slice().reverse();
  } else {
    const at = appliedTags.indexOf(options.to);
    if (at < 0) {
      const known = files.some((f) => f.tag === options.to);
      throw new MigrationError(
        known
          ? `Migration ${options.to} is not applied, so there is nothing to roll back to.`
          : `No migration is tagged ${options.to}. Tags: ${files.map((f) => f.tag).join(", ") || "(none)"}, or "base".`,
      );
    }
    targets = appliedTags.slice(at + 1).reverse();
  }
  const byTag = new Map(files.map((f) => [f.tag, f]));
  const missingDown = targets.filter((t) => !byTag.get(t)?.downSql);
  if (missingDown.length > 0) {
    throw new MigrationError(`No down script for ${missingDown.join(", ")} (expected drizzle/down/<tag>.sql); nothing was rolled back.`);
  }
  const done: string[] = [];
  for (const tag of targets) {
    await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
      await runScript(tx, tag, byTag.get(tag)?.downSql ?? "", "down");
      await tx.query(`DELETE FROM ${LEDGER} WHERE "tag" = $1`, [tag]);
    });
    done.push(tag);
  }
  return done;
}

/** The message the app and CLI show when the database is behind the code. */
export function pendingMigrationsMessage(status: MigrationStatus): string | null {
  if (status.pending.length === 0) return null;
  const tags = status.pending.map((p) => p.tag).join(", ");
  return `The database has ${status.pending.length} pending migration(s): ${tags}. Run \`npm run db:migrate\` to apply them.`;
}
