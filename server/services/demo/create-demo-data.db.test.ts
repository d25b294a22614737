import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assignments, auditLog, banditAllocations, events, experiments, featureFlags, users, variants } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Conflict } from "../../errors";
import { rowsOf } from "@/db/raw-sql";
import { loadVariantStatistics } from "../results/stored-statistics";
import { systemContext } from "../testing";
import { createUser } from "../users/create-user";
import { DEMO_EXPERIMENT_KEYS, createDemoData } from "./create-demo-data";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

const now = new Date("2026-12-01T12:00:00.000Z");

describe("createDemoData (small scale)", () => {
  it("creates running experiments of every type with traffic over the weeks, a bandit history, flags and stored results", async () => {
    await createUser(systemContext(h.db), { username: "first", email: "first@example.com", password: "a long enough password", isSuperuser: true });
    const report = await createDemoData(h.db, systemContext(h.db).actor, { scale: 0.05, days: 21, now });
    expect(report.owner).toBe("first");
    expect(report.createdUser).toBeNull();
    expect(report.flags).toEqual(["new-checkout-flow", "homepage-theme"]);

    const rows = await h.db.select().from(experiments).where(inArray(experiments.key, [...DEMO_EXPERIMENT_KEYS]));
    expect(rows.map((r) => r.experimentType).sort()).toEqual(["A_B", "A_B", "BANDIT", "MULTIVARIATE", "SPLIT_URL"]);
    const [owner] = await h.db.select().from(users).where(eq(users.username, "first"));
    for (const row of rows) {
      expect(row).toMatchObject({ status: "ACTIVE", ownerId: owner!.id, startDate: new Date(now.getTime() - 21 * 86_400_000) });
      const [span] = await h.db
        .select({ n: sql<number>`count(*)::int`, first: sql<string>`min(${assignments.createdAt})::text`, last: sql<string>`max(${assignments.createdAt})::text` })
        .from(assignments)
        .where(eq(assignments.experimentId, row.id));
      expect(span!.n, row.key).toBe(report.experiments.find((e) => e.key === row.key)!.users);
      // Spread over the weeks, not stamped at one moment.
      expect(new Date(span!.last).getTime() - new Date(span!.first).getTime(), row.key).toBeGreaterThan(14 * 86_400_000);
    }
    // Every event comes at or after its user's assignment, and none after now.
    const [misplaced] = await h.db.execute(sql`
      select count(*)::int as n from experimentation.events e join experimentation.assignments a on a.user_id = e.user_id and a.experiment_id = e.experiment_id
      where e.created_at < a.created_at or e.created_at > ${now.toISOString()}::timestamptz`).then((r) => rowsOf<{ n: number }>(r));
    expect(misplaced!.n).toBe(0);

    // Users convert at about the rates the demo sets (each user drawn on their own, not once per variant):
    // 20% sign up, 10–11.5% buy, 80–82% search. Bounds are about four standard errors at this scale.
    const rate = async (key: string, eventName: string) => {
      const result = await h.db.execute(sql`
        select avg((exists (select 1 from experimentation.events e where e.user_id = a.user_id and e.event_type = ${eventName}))::int)::float8 as rate
        from experimentation.assignments a join experimentation.experiments x on x.id = a.experiment_id where x.key = ${key}`);
      return rowsOf<{ rate: number }>(result)[0]!.rate;
    };
    expect(await rate("onboarding-copy", "signup_completed")).toBeGreaterThan(0.1);
    expect(await rate("onboarding-copy", "signup_completed")).toBeLessThan(0.3);
    expect(await rate("checkout-button-color", "purchase")).toBeGreaterThan(0.05);
    expect(await rate("checkout-button-color", "purchase")).toBeLessThan(0.17);
    expect(await rate("search-ranking", "search")).toBeGreaterThan(0.7);
    expect(await rate("search-ranking", "search")).toBeLessThan(0.92);

    const bandit = rows.find((r) => r.experimentType === "BANDIT")!;
    const history = await h.db.select().from(banditAllocations).where(eq(banditAllocations.experimentId, bandit.id)).orderBy(asc(banditAllocations.createdAt));
    expect(history[0]!.trigger).toBe("start");
    expect(history.length).toBeGreaterThan(5);
    // The variants run with the last re-weighting's allocations (both in bucket order), which keep the coverage.
    const allocations = (await h.db.select().from(variants).where(eq(variants.experimentId, bandit.id)).orderBy(asc(variants.createdAt))).map((v) => v.trafficAllocation);
    expect(allocations.reduce((s, a) => s + a, 0)).toBeCloseTo(100, 6);
    expect(allocations).toEqual((history.at(-1)!.allocations as { trafficAllocation: number }[]).map((a) => a.trafficAllocation));

    // Results are ready: stored statistics for every experiment's primary metric.
    for (const row of rows) expect((await loadVariantStatistics(h.db, row.id)).length, row.key).toBeGreaterThan(0);
    expect(await h.db.$count(featureFlags, inArray(featureFlags.key, report.flags))).toBe(2);
  });

  it("refuses a second run, adding nothing", async () => {
    const before = await h.db.$count(assignments);
    const error = await createDemoData(h.db, systemContext(h.db).actor, { scale: 0.05, now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).message).toMatch(/Demo data already exists/);
    expect(await h.db.$count(assignments)).toBe(before);
    expect(await h.db.$count(experiments, and(eq(experiments.key, "checkout-button-color")))).toBe(1);
  });
});

describe("createDemoData when a step fails", () => {
  it("leaves nothing behind", async () => {
    const db = await createTestDatabase();
    try {
      // The bandit's history is among the last things written: every experiment before it exists by then.
      await db.db.execute(sql`create function experimentation.refuse_demo() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`);
      await db.db.execute(sql`create trigger refuse_demo before insert on experimentation.bandit_allocations for each row execute function experimentation.refuse_demo()`);
      const counts = async () => Promise.all([experiments, assignments, events, featureFlags, users, auditLog].map((table) => db.db.$count(table)));
      const before = await counts();
      const error = await createDemoData(db.db, systemContext(db.db).actor, { scale: 0.05, now }).catch((e: unknown) => e);
      expect(String((error as Error).cause)).toMatch(/disk full/);
      expect(await counts()).toEqual(before);
    } finally {
      await db.close();
    }
  });
});
