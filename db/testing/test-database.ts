import { PGlite } from "@electric-sql/pglite";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../client";
import { databaseUrlFor } from "./urls";

/**
 * A fresh, migrated database for one test file: a PGlite loaded from the run's template, or, with
 * TEST_DATABASE_URL, a PostgreSQL database created from the template database and dropped on close.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { url: string | null }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = inject("postgresTemplate");
  if (serverUrl && template) {
    const name = `exp_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    const url = databaseUrlFor(serverUrl, name);
    const handle = await openDatabase({ kind: "postgres", url, maxConnections: 4 });
    return {
      ...handle,
      /** For other processes (app instances) to open the same database. */
      url,
      async close() {
        await handle.close();
        await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const tarball = readFileSync(inject("pgliteTemplatePath"));
  const client = await PGlite.create({ loadDataDir: new Blob([tarball]) });
  return { ...(await openDatabase({ kind: "pglite-instance", client })), url: null };
}
