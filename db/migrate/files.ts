import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The committed migrations folder: drizzle-kit writes `<tag>.sql` and `meta/_journal.json`; we add `down/<tag>.sql`. */
export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../drizzle");

export interface MigrationFile {
  idx: number;
  tag: string;
  upSql: string;
  downSql: string | null;
  /** SHA-256 of the up script, recorded when applied so an edited, already-applied migration is noticed. */
  hash: string;
}

interface Journal {
  entries: Array<{ idx: number; tag: string }>;
}

const BREAKPOINT = "--> statement-breakpoint";

/** Splits a migration on drizzle-kit's breakpoints; empty and comment-only pieces are dropped. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(BREAKPOINT)
    .map((s) => s.trim())
    .filter((s) => s.split("\n").some((line) => line.trim() !== "" && !line.trim().startsWith("--")));
}

export function readMigrationFiles(folder = migrationsFolder): MigrationFile[] {
  const journalPath = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as Journal;
  return journal.entries
    .slice()
    .sort((a, b) => a.idx - b.idx)
    .map(({ idx, tag }) => {
      const upSql = readFileSync(path.join(folder, `${tag}.sql`), "utf8");
      const downPath = path.join(folder, "down", `${tag}.sql`);
      return {
        idx,
        tag,
        upSql,
        downSql: existsSync(downPath) ? readFileSync(downPath, "utf8") : null,
        hash: createHash("sha256").update(upSql).digest("hex"),
      };
    });
}
