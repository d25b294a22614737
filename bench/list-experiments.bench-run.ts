/**
 * How long the experiments list takes to answer with 10,000 experiments (issue 3; DESIGN §9 budget
 * 200 ms per page): the list service's queries for the default page, a sorted page, a filtered page and
 * a text search, each run 20 times after a warm-up, on the embedded database (and PostgreSQL with
 * BENCH_DATABASE_URL, a migrated database of its own). Reports p50/p95 and p95 as a share of the budget.
 */
import { PGlite } from "@electric-sql/pglite";
import { systemActor } from "../core/permissions/permissions";
import { openDatabase } from "../db/client";
import { migrateUp } from "../db/migrate/runner";
import { listExperiments } from "../server/services/experiments/list-experiments";
import type { ListExperimentsInput } from "../server/services/experiments/experiment-list.schema";
import { seedExperiments } from "./seed-experiments";
import { LIST_BUDGET_MS, timeListCases } from "./list-page-timing";

const ROWS = 10_000;

export async function benchListExperiments(url?: string) {
  const handle = url ? await openDatabase({ kind: "postgres", url }) : await openDatabase({ kind: "pglite-instance", client: await PGlite.create() });
  try {
    await migrateUp(handle.runner);
    const owners = await handle.runner.query<{ id: string }>(
      `INSERT INTO experimentation.users (username, email, hashed_password)
       SELECT 'owner' || i, 'owner' || i || '@example.com', 'x' FROM generate_series(1, 20) i RETURNING id`,
    );
    await seedExperiments(handle.runner, ROWS, owners.map((o) => o.id));
    await handle.runner.query("ANALYZE");
    const ctx = { db: handle.db, actor: systemActor("bench") };
    const cases: Array<[string, ListExperimentsInput]> = [
      ["default page (updated desc)", {}],
      ["sorted by owner, page 200", { sort: "owner", direction: "asc", page: 200, pageSize: 25 }],
      ["status ACTIVE + type A_B", { status: ["ACTIVE"], type: ["A_B"] }],
      ["text search 'pricing'", { search: "pricing" }],
      ["tag 'mobile'", { tag: "mobile" }],
    ];
    const results = await timeListCases(cases, (input) => listExperiments(ctx, input));
    return { database: url ? "postgresql" : "pglite", rows: ROWS, budgetMs: LIST_BUDGET_MS, results };
  } finally {
    await handle.close();
  }
}
