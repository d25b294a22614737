/**
 * How long the flag list takes to answer with 10,000 flags (issue 7; DESIGN §9 budget 200 ms per page):
 * every query the /flags page runs (one page of flags with rule and active-override counts, plus the
 * status counts and owners its tabs and filter offer) for the default page, each sort the page offers,
 * filters and a text search, each run 20 times after a warm-up, on the embedded database (and PostgreSQL
 * with BENCH_DATABASE_URL). 2,000 of the flags carry overrides (20,000 rows, half expired), so the
 * active-override count has something to count.
 */
import { PGlite } from "@electric-sql/pglite";
import { systemActor } from "../core/permissions/permissions";
import { openDatabase } from "../db/client";
import { migrateUp } from "../db/migrate/runner";
import type { ListFlagsInput } from "../server/services/flags/flag-list.schema";
import { listFlagFacets } from "../server/services/flags/list-flag-facets";
import { listFlags } from "../server/services/flags/list-flags";
import { LIST_BUDGET_MS, timeListCases } from "./list-page-timing";

const ROWS = 10_000;

export async function benchListFlags(url?: string) {
  const handle = url ? await openDatabase({ kind: "postgres", url }) : await openDatabase({ kind: "pglite-instance", client: await PGlite.create() });
  try {
    await migrateUp(handle.runner);
    await handle.runner.query(
      `INSERT INTO experimentation.users (username, email, hashed_password)
       SELECT 'owner' || i, 'owner' || i || '@example.com', 'x' FROM generate_series(1, 20) i`,
    );
    await handle.runner.query(`
      INSERT INTO experimentation.feature_flags (key, name, description, status, owner_id, tags, targeting_rules, rollout_percentage, variants, updated_at)
      SELECT 'flag-' || i, 'Flag ' || i || ' ' || (array['checkout','search','pricing','onboarding'])[i % 4 + 1],
        'Controls ' || (array['the checkout','search ranking','pricing page','onboarding steps'])[i % 4 + 1] || ' ' || i,
        (case when i % 2 = 0 then 'ACTIVE' else 'INACTIVE' end)::experimentation.flag_status,
        (select id from experimentation.users order by username offset (i % 21) limit 1),
        case when i % 5 = 0 then '["mobile"]'::jsonb else '["web"]'::jsonb end,
        '[{"id":"r1","condition":{"country":"FR"}},{"id":"r2","condition":{"plan":"beta"},"rolloutPercentage":50}]'::jsonb,
        i % 101,
        case when i % 7 = 0 then '[{"key":"a","value":"a","weight":50},{"key":"b","value":"b","weight":50}]'::jsonb else null end,
        now() - i * interval '1 minute'
      FROM generate_series(1, ${ROWS}) i`);
    await handle.runner.query(`
      INSERT INTO experimentation.feature_flag_overrides (feature_flag_id, user_id, value, expires_at)
      SELECT f.id, 'user-' || u, 'true'::jsonb, case when u % 2 = 0 then now() + interval '1 day' else now() - interval '1 day' end
      FROM experimentation.feature_flags f, generate_series(1, 10) u WHERE f.rollout_percentage < 20`);
    await handle.runner.query("ANALYZE");
    const ctx = { db: handle.db, actor: systemActor("bench") };
    const [{ id: owner } = { id: "" }] = await handle.runner.query<{ id: string }>("SELECT id FROM experimentation.users WHERE username = 'owner7'");
    const cases: Array<[string, ListFlagsInput]> = [
      ["default page (updated desc)", {}],
      ["sorted by key, page 200", { sort: "key", direction: "asc", page: 200 }],
      ["sorted by owner desc", { sort: "owner", direction: "desc" }],
      ["sorted by rollout, page 50", { sort: "rollout", direction: "desc", page: 50 }],
      ["sorted by status then name", { sort: "status", direction: "asc", page: 10 }],
      ["status ACTIVE + tag mobile", { status: ["ACTIVE"], tag: "mobile" }],
      ["text search 'pricing'", { search: "pricing" }],
      ["owner + text search, page 2", { ownerId: owner, search: "checkout", page: 2 }],
    ];
    // What the page awaits: the page of flags and the filters' facets, side by side.
    const results = await timeListCases(cases, async (input) => (await Promise.all([listFlags(ctx, input), listFlagFacets(ctx)]))[0]);
    return { database: url ? "postgresql" : "pglite", rows: ROWS, budgetMs: LIST_BUDGET_MS, results };
  } finally {
    await handle.close();
  }
}

/** `npx tsx bench/list-flags.bench-run.ts` runs this bench alone. */
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of [await benchListFlags(), ...(process.env.BENCH_DATABASE_URL ? [await benchListFlags(process.env.BENCH_DATABASE_URL)] : [])]) {
    console.log(`Flags list, ${r.rows} flags, ${r.database} (budget ${r.budgetMs} ms):`);
    console.table(r.results);
  }
}
