import type { SqlRunner } from "../db/migrate/runner";

/**
 * Inserts `count` experiments (two variants and a primary metric each) in a few set-based statements,
 * spread over statuses, types, owners, tags and dates like a real portfolio. For benchmarks and demos.
 */
export async function seedExperiments(runner: SqlRunner, count: number, ownerIds: string[]): Promise<void> {
  const owners = `ARRAY[${ownerIds.map((id) => `'${id.replace(/[^0-9a-f-]/g, "")}'::uuid`).join(",")}]::uuid[]`;
  await runner.query(`
    INSERT INTO experimentation.experiments (key, name, description, status, experiment_type, owner_id, start_date, end_date, tags, updated_at)
    SELECT 'exp-' || i,
           (ARRAY['Checkout', 'Onboarding', 'Pricing page', 'Search ranking', 'Homepage hero', 'Signup form'])[1 + i % 6] || ' test ' || i,
           'Does variant B improve ' || (ARRAY['conversion', 'retention', 'revenue per user', 'time to value'])[1 + i % 4] || '?',
           (ARRAY['DRAFT', 'ACTIVE', 'PAUSED', 'COMPLETED', 'ARCHIVED'])[1 + i % 5]::experimentation.experiment_status,
           (ARRAY['A_B', 'A_B', 'MULTIVARIATE', 'SPLIT_URL', 'BANDIT'])[1 + i % 5]::experimentation.experiment_type,
           ${ownerIds.length ? `(${owners})[1 + i % ${ownerIds.length}]` : "NULL"},
           CASE WHEN i % 5 = 0 THEN NULL ELSE now() - (i % 90) * interval '1 day' END,
           CASE WHEN i % 5 IN (3, 4) THEN now() - (i % 30) * interval '1 day' + interval '1 day' ELSE NULL END,
           jsonb_build_array((ARRAY['growth', 'checkout', 'mobile', 'pricing', 'search'])[1 + i % 5]),
           now() - (i % 1000) * interval '1 hour'
    FROM generate_series(1, ${Math.floor(count)}) AS i`);
  await runner.query(`
    INSERT INTO experimentation.variants (experiment_id, name, is_control, traffic_allocation)
    SELECT e.id, v.name, v.is_control, 50 FROM experimentation.experiments e
    CROSS JOIN (VALUES ('control', true), ('treatment', false)) AS v(name, is_control)
    WHERE e.key LIKE 'exp-%'`);
  await runner.query(`
    INSERT INTO experimentation.metrics (experiment_id, name, event_name, metric_type, is_primary)
    SELECT e.id, 'Conversion', 'purchase', 'CONVERSION', true FROM experimentation.experiments e WHERE e.key LIKE 'exp-%'`);
}
