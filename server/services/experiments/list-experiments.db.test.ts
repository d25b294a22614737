import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { experiments } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Forbidden, Invalid } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { createUser } from "../users/create-user";
import { listExperiments } from "./list-experiments";

let h: DatabaseHandle;
let ann: string;
let bob: string;
beforeAll(async () => {
  h = await createTestDatabase();
  ann = (await createUser(systemContext(h.db), { username: "ann", email: "ann@example.com", password: "correct horse" })).id;
  bob = (await createUser(systemContext(h.db), { username: "bob", email: "bob@example.com", password: "correct horse" })).id;
  // 10,000 experiments: i % 5 picks the status, i % 4 the type, every 7th has a tag, owners alternate.
  await h.db.execute(sql`
    insert into ${experiments} (key, name, description, status, experiment_type, owner_id, start_date, end_date, tags, updated_at)
    select
      'exp-' || lpad(i::text, 5, '0'),
      'Experiment ' || lpad(i::text, 5, '0'),
      case when i % 1000 = 0 then 'Checkout 100%_off banner' else 'desc ' || i end,
      (array['DRAFT','ACTIVE','PAUSED','COMPLETED','ARCHIVED'])[i % 5 + 1]::experimentation.experiment_status,
      (array['A_B','MULTIVARIATE','SPLIT_URL','BANDIT'])[i % 4 + 1]::experimentation.experiment_type,
      case when i % 3 = 0 then ${ann}::uuid when i % 3 = 1 then ${bob}::uuid else null end,
      case when i % 2 = 0 then timestamptz '2030-01-01' + i * interval '1 minute' else null end,
      null,
      case when i % 7 = 0 then '["checkout"]'::jsonb else '[]'::jsonb end,
      timestamptz '2030-01-01' + i * interval '1 second'
    from generate_series(1, 10000) as i`);
});
afterAll(() => h.close());

describe("listExperiments", () => {
  it("pages the most recently updated first by default, with the total", async () => {
    const page = await listExperiments(contextWith(h.db, ["experiment:read"]));
    expect(page).toMatchObject({ total: 10000, page: 1, pageSize: 25 });
    expect(page.rows.map((row) => row.key).slice(0, 3)).toEqual(["exp-10000", "exp-09999", "exp-09998"]);
    expect(page.rows[0]).toMatchObject({ status: "DRAFT", experimentType: "A_B", owner: { id: bob, username: "bob", fullName: null }, variantCount: 0 });
    const last = await listExperiments(systemContext(h.db), { page: 400, pageSize: 25 });
    expect(last.rows.map((row) => row.key).at(-1)).toBe("exp-00001");
    expect((await listExperiments(systemContext(h.db), { page: 401 })).rows).toEqual([]);
  });

  it("filters by status, type, tag and owner together", async () => {
    const page = await listExperiments(systemContext(h.db), { status: ["ACTIVE", "PAUSED"], type: "A_B", tag: "checkout", ownerId: ann, sort: "name", direction: "asc", pageSize: 100 });
    // i ≡ 1 or 2 (mod 5), ≡ 0 (mod 4), ≡ 0 (mod 7), ≡ 0 (mod 3).
    const expected = Array.from({ length: 10000 }, (_, k) => k + 1).filter((i) => [1, 2].includes(i % 5) && i % 4 === 0 && i % 7 === 0 && i % 3 === 0);
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((row) => row.key)).toEqual(expected.slice(0, 100).map((i) => `exp-${String(i).padStart(5, "0")}`));
  });

  it("searches name, key and description case-insensitively, taking % and _ literally", async () => {
    expect((await listExperiments(systemContext(h.db), { search: "EXP-0004" })).total).toBe(10);
    expect((await listExperiments(systemContext(h.db), { search: "experiment 09999" })).rows.map((row) => row.key)).toEqual(["exp-09999"]);
    expect((await listExperiments(systemContext(h.db), { search: "100%_off" })).total).toBe(10);
    expect((await listExperiments(systemContext(h.db), { search: "1%0" })).total).toBe(0);
  });

  it.each([
    ["name", "asc", "exp-00001"],
    ["name", "desc", "exp-10000"],
    ["status", "asc", "exp-00005"],
    ["type", "desc", "exp-00003"],
    ["owner", "asc", "exp-00003"],
    ["owner", "desc", "exp-00001"],
    ["start", "desc", "exp-10000"],
    ["start", "asc", "exp-00002"],
    ["end", "asc", "exp-00001"],
    ["updated", "asc", "exp-00001"],
  ] as const)("sorts by %s %s (first: %s), unset values last, within 1 s", async (sort, direction, first) => {
    const t0 = performance.now();
    const page = await listExperiments(systemContext(h.db), { sort, direction, pageSize: 100 });
    const elapsed = performance.now() - t0;
    expect(page.rows[0]?.key).toBe(first);
    expect(elapsed).toBeLessThan(1000);
  });

  it("refuses bad parameters and readers without experiment:read", async () => {
    const error = await listExperiments(systemContext(h.db), { page: 0, pageSize: 500, sort: "color" as "name", status: ["RUNNING" as "DRAFT"] }).catch((e: unknown) => e);
    expect((error as Invalid).fieldErrors).toEqual({
      page: ["Pages start at 1."],
      pageSize: ["A page holds at most 100 rows."],
      sort: ["Sort by name, status, type, owner, start, end, updated."],
      status: ["Choose from DRAFT, ACTIVE, PAUSED, COMPLETED, ARCHIVED."],
    });
    await expect(listExperiments(contextWith(h.db, ["feature_flag:read"]))).rejects.toThrow(Forbidden);
  });
});
