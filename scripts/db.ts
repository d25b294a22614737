/**
 * `npm run db:<command>`: the seed's Alembic workflow with drizzle-kit underneath (docs/migrations.md).
 * Works on PostgreSQL (DATABASE_URL) and on the embedded database alike.
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../db/client";
import { databaseTargetFromEnv, describeTarget } from "../db/config";
import { migrationsFolder, readMigrationFiles } from "../db/migrate/files";
import { migrateDown, migrateUp, migrationStatus } from "../db/migrate/runner";
import { runCli, UsageError } from "./cli-runtime";

const USAGE = `Usage: npm run db:migrate | db:status | db:history | db:rollback [-- --to <tag|base>]
       npm run db:generate -- <name> | db:new -- <name>`;

async function withDatabase<T>(fn: (runner: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const target = databaseTargetFromEnv();
  console.log(`Database: ${describeTarget(target)}`);
  const handle = await openDatabase(target);
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

function migrationName(args: string[]): string {
  const name = args.find((a) => !a.startsWith("-"));
  if (!name) throw new UsageError(`A migration name is required.\n${USAGE}`);
  if (!/^[a-z0-9_]+$/.test(name)) throw new UsageError(`Migration names use lower-case letters, digits and underscores (got "${name}").`);
  return name;
}

/** Runs drizzle-kit, then gives every new migration a down script to fill in and review. */
function generate(name: string, custom: boolean): void {
  const before = new Set(readMigrationFiles().map((f) => f.tag));
  const args = ["drizzle-kit", "generate", `--name=${name}`, ...(custom ? ["--custom"] : [])];
  const result = spawnSync("npx", args, { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`drizzle-kit generate failed (exit ${result.status}).`);
  const created = readMigrationFiles().filter((f) => !before.has(f.tag));
  if (created.length === 0) {
    console.log("No schema changes: nothing generated.");
    return;
  }
  for (const file of created) {
    const downPath = path.join(migrationsFolder, "down", `${file.tag}.sql`);
    if (!existsSync(downPath)) {
      writeFileSync(
        downPath,
        `-- Reverses ${file.tag}. Write the statements that undo drizzle/${file.tag}.sql, newest change first,\n` +
          `-- separated by "--> statement-breakpoint". The migration tests fail until this file has SQL in it.\n`,
      );
    }
    console.log(`Created drizzle/${file.tag}.sql and drizzle/down/${file.tag}.sql: review both, then commit.`);
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case "migrate": {
      await withDatabase(async ({ runner }) => {
        const applied = await migrateUp(runner);
        console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Already at head: nothing to apply.");
      });
      return;
    }
    case "status": {
      await withDatabase(async ({ runner }) => {
        const s = await migrationStatus(runner);
        console.log(`Current revision: ${s.current ?? "base (nothing applied)"}`);
        console.log(s.pending.length ? `Pending (${s.pending.length}): ${s.pending.map((p) => p.tag).join(", ")}` : "Pending: none (at head)");
        if (s.unknown.length) console.log(`Applied but unknown to this code: ${s.unknown.map((u) => u.tag).join(", ")}`);
        if (s.modified.length) console.log(`Warning: edited after being applied: ${s.modified.join(", ")}`);
      });
      return;
    }
    case "history": {
      const files = readMigrationFiles();
      await withDatabase(async ({ runner }) => {
        const s = await migrationStatus(runner, files);
        const applied = new Map(s.applied.map((a) => [a.tag, a]));
        for (const f of files) {
          const a = applied.get(f.tag);
          const mark = a ? `applied ${a.appliedAt.toISOString()}` : "pending";
          const head = f === files.at(-1) ? " (head)" : "";
          console.log(`${f.tag}${head}  ${mark}${f.downSql ? "" : "  [no down script]"}`);
        }
      });
      return;
    }
    case "rollback": {
      const toIndex = rest.indexOf("--to");
      const to = toIndex >= 0 ? rest[toIndex + 1] : undefined;
      if (toIndex >= 0 && !to) throw new UsageError(`--to needs a migration tag or "base".\n${USAGE}`);
      await withDatabase(async ({ runner }) => {
        const done = await migrateDown(runner, to ? { to } : {});
        console.log(done.length ? `Rolled back: ${done.join(", ")}` : "Nothing to roll back.");
      });
      return;
    }
    case "generate":
      generate(migrationName(rest), false);
      return;
    case "new":
      generate(migrationName(rest), true);
      return;
    default:
      throw new UsageError(command ? `Unknown command "${command}".\n${USAGE}` : USAGE);
  }
}

runCli(() => main(process.argv.slice(2)));
