import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "./client";
import { queryPrepared } from "./raw-sql";
import { createTestDatabase } from "./testing/test-database";

let h: DatabaseHandle & { url: string | null };
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

describe("queryPrepared", () => {
  it("binds its parameters and answers rows, outside a transaction and inside one", async () => {
    const run = (db: DatabaseHandle["db"]) => queryPrepared<{ total: number; label: string }>(db)`select ${2}::int + ${3}::int as total, ${"it's"}::text as label`;
    expect(await run(h.db)).toEqual([{ total: 5, label: "it's" }]);
    expect(await h.db.transaction((tx) => run(tx as unknown as DatabaseHandle["db"]))).toEqual([{ total: 5, label: "it's" }]);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("keeps the statement prepared on the connection, on PostgreSQL", async () => {
    const single = await openDatabase({ kind: "postgres", url: h.url!, maxConnections: 1 });
    try {
      await queryPrepared(single.db)`select ${1}::int as prepared_probe`;
      const [row] = await single.runner.query<{ count: string }>("select count(*)::text as count from pg_prepared_statements where statement like '%prepared_probe%'");
      expect(row?.count).toBe("1");
    } finally {
      await single.close();
    }
  });
});
