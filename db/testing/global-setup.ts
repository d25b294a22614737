import { PGlite } from "@electric-sql/pglite";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../client";
import { migrateUp } from "../migrate/runner";
import { databaseUrlFor } from "./urls";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: a tarball of a migrated data directory, cloned by each test file. */
    pgliteTemplatePath: string;
    /** PostgreSQL (TEST_DATABASE_URL set): the migrated template database each test file copies. */
    postgresTemplate: string;
  }
}

/**
 * Migrates one template database per run; every test file starts from a copy of it, so files are
 * isolated from each other and no file pays for migrating.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = `exp_test_template_${process.pid}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS "${template}"`);
    await admin.unsafe(`CREATE DATABASE "${template}"`);
    const handle = await openDatabase({ kind: "postgres", url: databaseUrlFor(serverUrl, template), maxConnections: 1 });
    await migrateUp(handle.runner);
    await handle.close();
    project.provide("postgresTemplate", template);
    project.provide("pgliteTemplatePath", "");
    return async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await admin.end();
    };
  }

  const dir = mkdtempSync(path.join(os.tmpdir(), "exp-test-template-"));
  const client = await PGlite.create();
  const handle = await openDatabase({ kind: "pglite-instance", client });
  await migrateUp(handle.runner);
  const dump = await client.dumpDataDir("none");
  const file = path.join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide("pgliteTemplatePath", file);
  project.provide("postgresTemplate", "");
  return () => rmSync(dir, { recursive: true, force: true });
}
