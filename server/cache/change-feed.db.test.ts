import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { announceChange, CHANGE_CHANNEL, type ChangeKind, onChange, resetChangeFeed } from "./change-feed";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  resetChangeFeed();
  await h.close();
});

describe("the change feed on a real database", () => {
  it("delivers a notice when the transaction that announced it commits, and none when it rolls back", async () => {
    const heard: ChangeKind[] = [];
    const stop = await onChange(h, (kind) => heard.push(kind));
    await h.db.transaction(async (tx) => {
      await announceChange(tx, "experiment");
      expect(heard).not.toContain("experiment");
    });
    await expect.poll(() => heard.includes("experiment")).toBe(true);
    await h.db
      .transaction(async (tx) => {
        await announceChange(tx, "role");
        throw new Error("roll back");
      })
      .catch(() => {});
    await h.db.transaction((tx) => announceChange(tx, "api_key"));
    await expect.poll(() => heard.includes("api_key")).toBe(true);
    expect(heard).not.toContain("role");
    stop();
  });

  // PGlite runs in this process, so only PostgreSQL's LISTEN connection can drop.
  it.runIf(process.env.TEST_DATABASE_URL)("tells listeners to drop everything when the LISTEN connection is re-established", async () => {
    const heard: ChangeKind[] = [];
    const stop = await onChange(h, (kind) => heard.push(kind));
    const listening = sql`select pid from pg_stat_activity where datname = current_database() and query ilike ${`listen%${CHANGE_CHANNEL}%`}`;
    const [listener] = (await h.db.execute<{ pid: number }>(listening)) as unknown as { pid: number }[];
    expect(listener?.pid).toBeTypeOf("number");
    // Notices sent while the connection is down are lost: the listener must hear "all" once it is back.
    await h.db.execute(sql`select pg_terminate_backend(${listener!.pid})`);
    await expect.poll(() => heard.includes("all"), { timeout: 10_000 }).toBe(true);
    await h.db.transaction((tx) => announceChange(tx, "feature_flag"));
    await expect.poll(() => heard.includes("feature_flag")).toBe(true);
    stop();
  });
});
