/**
 * Set-based inserts of demo traffic: every statement writes all the rows of one experiment (or one
 * metric's events) at once, with PostgreSQL's random(), so weeks of traffic take seconds even on PGlite.
 * Instants go in as ISO strings: postgres.js does not serialize a Date inside raw SQL.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/client";

export interface ArmShare {
  variantId: string;
  /** Share of the experiment's users, 0–1; the shares add up to 1. */
  share: number;
}

/** `users` assignments named `<prefix><n>`, split by share, their times spread evenly over [from, to]. */
export async function insertAssignments(db: Database, input: { experimentId: string; arms: readonly ArmShare[]; users: number; prefix: string; from: Date; to: Date }): Promise<void> {
  let start = 0;
  const arms = input.arms.map((arm) => {
    const row = sql`(${arm.variantId}::uuid, ${start}::float8, ${start + arm.share}::float8)`;
    start += arm.share;
    return row;
  });
  await db.execute(sql`
    insert into experimentation.assignments (experiment_id, variant_id, user_id, created_at)
    select ${input.experimentId}::uuid, arm.variant_id, ${input.prefix} || u.n, ${input.from.toISOString()}::timestamptz + (${input.to.toISOString()}::timestamptz - ${input.from.toISOString()}::timestamptz) * u.t
    from (select n, random() as pick, random() as t from generate_series(1, ${input.users}::int) n) u
    join (values ${sql.join(arms, sql`, `)}) as arm(variant_id, lo, hi) on u.pick >= arm.lo and (u.pick < arm.hi or arm.hi >= 1)`);
}

export interface ArmBehaviour {
  variantId: string;
  /** Chance that an assigned user sends the event at all. */
  probability: number;
  /** Mean number of events of a user who sends any (at least 1; geometric beyond). */
  eventsPerUser?: number;
  /** Mean event value (uniform from half to one and a half times it); no value when absent. */
  value?: number;
}

/**
 * Events named `eventName` for the experiment's assigned users, each at or after the user's assignment
 * (within 3 days, never after `now`). Each user's draw is made in the subquery over assignments: a
 * `random() < arm.probability` filter would be pushed down to the VALUES list and drawn once per arm.
 */
export async function insertEvents(db: Database, input: { experimentId: string; eventName: string; arms: readonly ArmBehaviour[]; now: Date }): Promise<void> {
  const arms = input.arms.map(
    (arm) => sql`(${arm.variantId}::uuid, ${arm.probability}::float8, ${Math.max(1, arm.eventsPerUser ?? 1)}::float8, ${arm.value ?? -1}::float8)`,
  );
  const value: SQL = sql`case when chosen.value_mean < 0 then null else round((chosen.value_mean * (0.5 + random()))::numeric, 2)::float8 end`;
  await db.execute(sql`
    with chosen as materialized (
      select a.user_id, a.variant_id, a.created_at, arm.events_mean, arm.value_mean
      from (select user_id, variant_id, created_at, random() as draw from experimentation.assignments where experiment_id = ${input.experimentId}::uuid) a
      join (values ${sql.join(arms, sql`, `)}) as arm(variant_id, probability, events_mean, value_mean) on arm.variant_id = a.variant_id
      where a.draw < arm.probability
    )
    insert into experimentation.events (event_type, user_id, experiment_id, variant_id, value, source, created_at)
    select ${input.eventName}, chosen.user_id, ${input.experimentId}::uuid, chosen.variant_id, ${value}, 'demo',
      least(chosen.created_at + random() * interval '72 hours', ${input.now.toISOString()}::timestamptz)
    from chosen
    cross join lateral generate_series(1, 1 + floor(-ln(1 - random()) * (chosen.events_mean - 1))::int) e`);
}
