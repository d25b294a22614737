import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { featureFlagOverrides, featureFlags } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Forbidden, Invalid } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { createUser } from "../users/create-user";
import { listFlagFacets } from "./list-flag-facets";
import { listFlags } from "./list-flags";

let h: DatabaseHandle;
let ann: string;
let bob: string;
const reader = () => contextWith(h.db, ["feature_flag:read"]);

beforeAll(async () => {
  h = await createTestDatabase();
  ann = (await createUser(systemContext(h.db), { username: "ann", email: "ann@example.com", password: "correct horse" })).id;
  bob = (await createUser(systemContext(h.db), { username: "bob", email: "bob@example.com", password: "correct horse" })).id;
  // 300 flags: odd ones ACTIVE, i % 3 picks the owner, every 10th is tagged, i % 4 rules, rollout i % 101.
  await h.db.execute(sql`
    insert into ${featureFlags} (key, name, description, status, owner_id, tags, targeting_rules, rollout_percentage, variants, updated_at)
    select
      'flag-' || lpad(i::text, 3, '0'),
      'Flag ' || lpad(i::text, 3, '0'),
      case when i = 150 then 'Checkout 100%_off banner' else null end,
      (case when i % 2 = 1 then 'ACTIVE' else 'INACTIVE' end)::experimentation.flag_status,
      case when i % 3 = 0 then ${ann}::uuid when i % 3 = 1 then ${bob}::uuid else null end,
      case when i % 10 = 0 then '["checkout"]'::jsonb else '[]'::jsonb end,
      (select coalesce(jsonb_agg(jsonb_build_object('id', 'r' || n, 'condition', '{}'::jsonb)), '[]'::jsonb) from generate_series(1, i % 4) as n),
      i % 101,
      case when i % 5 = 0 then '[{"key":"a","value":1,"weight":50},{"key":"b","value":2,"weight":50}]'::jsonb else null end,
      timestamptz '2030-01-01' + i * interval '1 second'
    from generate_series(1, 300) as i`);
  // flag-007: two active overrides and one expired.
  await h.db.execute(sql`
    insert into ${featureFlagOverrides} (feature_flag_id, user_id, value, expires_at)
    select id, u, 'true'::jsonb, e from ${featureFlags},
      (values ('a', null::timestamptz), ('b', now() + interval '1 day'), ('c', now() - interval '1 second')) as o(u, e)
    where key = 'flag-007'`);
});
afterAll(() => h.close());

describe("listFlags", () => {
  it("pages the most recently updated first, with counts of rules and active overrides", async () => {
    const page = await listFlags(reader());
    expect(page).toMatchObject({ total: 300, page: 1, pageSize: 25 });
    expect(page.rows.map((r) => r.key).slice(0, 2)).toEqual(["flag-300", "flag-299"]);
    const seven = (await listFlags(reader(), { search: "flag-007" })).rows[0];
    expect(seven).toMatchObject({ key: "flag-007", status: "ACTIVE", ruleCount: 3, activeOverrideCount: 2, rolloutPercentage: 7, multivariate: false, variantCount: 0, owner: { username: "bob" } });
    expect((await listFlags(reader(), { search: "flag-010" })).rows[0]).toMatchObject({ multivariate: true, variantCount: 2, tags: ["checkout"], owner: { username: "bob" }, ruleCount: 2 });
  });

  it.each([
    { sort: "key", direction: "asc", first: ["flag-001", "flag-002"] },
    { sort: "key", direction: "desc", first: ["flag-300", "flag-299"] },
    { sort: "name", direction: "asc", first: ["flag-001", "flag-002"] },
    { sort: "rollout", direction: "desc", first: ["flag-100", "flag-201"] },
    { sort: "rollout", direction: "asc", first: ["flag-101", "flag-202"] },
    { sort: "status", direction: "asc", first: ["flag-001", "flag-003"] },
    { sort: "owner", direction: "asc", first: ["flag-003", "flag-006"] },
    { sort: "updated", direction: "asc", first: ["flag-001", "flag-002"] },
  ] as const)("sorts by $sort $direction", async ({ sort, direction, first }) => {
    expect((await listFlags(reader(), { sort, direction, pageSize: 2 })).rows.map((r) => r.key)).toEqual(first);
  });

  it("puts flags without an owner last in both directions", async () => {
    const last = await listFlags(reader(), { sort: "owner", direction: "desc", page: 4, pageSize: 100 });
    expect(last.rows.every((r) => r.owner === null)).toBe(true);
    expect((await listFlags(reader(), { sort: "owner", direction: "desc", pageSize: 1 })).rows[0]?.owner?.username).toBe("bob");
  });

  it("filters by status, owner, tag and text, combined", async () => {
    expect((await listFlags(reader(), { status: "ACTIVE" })).total).toBe(150);
    expect((await listFlags(reader(), { status: ["ACTIVE", "INACTIVE"] })).total).toBe(300);
    expect((await listFlags(reader(), { ownerId: ann })).total).toBe(100);
    expect((await listFlags(reader(), { tag: "checkout" })).total).toBe(30);
    expect((await listFlags(reader(), { tag: "checkout", ownerId: ann, status: "INACTIVE" })).total).toBe(10);
    expect((await listFlags(reader(), { search: "100%_off" })).rows.map((r) => r.key)).toEqual(["flag-150"]);
    expect((await listFlags(reader(), { search: "FLAG 12" })).total).toBe(10);
    expect((await listFlags(reader(), { search: "100%x" })).total).toBe(0);
  });

  it("refuses bad parameters and readers without feature_flag:read", async () => {
    await expect(listFlags(reader(), { sort: "color" as never })).rejects.toThrow(Invalid);
    await expect(listFlags(reader(), { pageSize: 1000 })).rejects.toThrow("A page holds at most 100 rows.");
    await expect(listFlags(contextWith(h.db, ["experiment:read"]))).rejects.toThrow(Forbidden);
  });
});

describe("listFlagFacets", () => {
  it("counts flags per status, and lists the owners of flags", async () => {
    // Carl owns no flag, so the owner filter does not offer him.
    await createUser(systemContext(h.db), { username: "carl", email: "carl@example.com", password: "correct horse" });
    const facets = await listFlagFacets(reader());
    expect(facets.counts).toEqual({ ACTIVE: 150, INACTIVE: 150 });
    expect(facets.owners.map((o) => o.id)).toEqual([ann, bob]);
  });

  it("refuses readers without feature_flag:read", async () => {
    await expect(listFlagFacets(contextWith(h.db, ["experiment:read"]))).rejects.toThrow(Forbidden);
  });
});
