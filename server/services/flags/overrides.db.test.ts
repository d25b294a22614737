import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, featureFlagOverrides } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Forbidden, Invalid, NotFound } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { bulkUpsertOverrides } from "./bulk-upsert-overrides";
import { createFlag } from "./create-flag";
import { booleanFlag, colorFlag, flagAudit } from "./flag-fixtures";
import { listOverrides } from "./list-overrides";
import { removeOverride } from "./remove-override";
import { upsertOverride } from "./upsert-override";

let h: DatabaseHandle;
let boolId: string;
beforeAll(async () => {
  h = await createTestDatabase();
  boolId = (await createFlag(systemContext(h.db), booleanFlag("beta"))).id;
  await createFlag(systemContext(h.db), colorFlag("theme"));
});
afterAll(() => h.close());

const inAnHour = () => new Date(Date.now() + 3_600_000);

describe("upsertOverride", () => {
  it("creates, then replaces, one override per user, auditing both", async () => {
    const expiresAt = inAnHour();
    const first = await upsertOverride(systemContext(h.db), { flag: { key: "beta" }, userId: "alice", value: true, reason: "QA", expiresAt: expiresAt.toISOString() });
    expect(first).toMatchObject({ created: true, override: { userId: "alice", value: true, reason: "QA", expiresAt, active: true } });
    const second = await upsertOverride(systemContext(h.db), { flag: { id: boolId }, userId: "alice", value: false });
    expect(second).toMatchObject({ created: false, override: { id: first.override.id, value: false, reason: null, expiresAt: null, active: true } });
    expect(await h.db.$count(featureFlagOverrides, eq(featureFlagOverrides.featureFlagId, boolId))).toBe(1);
    const audit = await flagAudit(h.db, first.override.id);
    expect(audit.map((row) => [row.action, row.entityType])).toEqual([
      ["feature_flag_override.create", "feature_flag_override"],
      ["feature_flag_override.update", "feature_flag_override"],
    ]);
    expect(audit[1]).toMatchObject({ before: { flagKey: "beta", value: true }, after: { flagKey: "beta", value: false } });
  });

  it.each([
    { flag: "beta", value: "true", message: "A boolean flag takes true or false." },
    { flag: "beta", value: 1, message: "A boolean flag takes true or false." },
    { flag: "theme", value: "#0f0", message: "Choose the value of one of the flag's variants (red, blue)." },
    { flag: "theme", value: { hex: "#00F" }, message: "Choose the value of one of the flag's variants (red, blue)." },
  ])("refuses $value for $flag, writing nothing", async ({ flag, value, message }) => {
    const before = await h.db.$count(featureFlagOverrides);
    const error = await upsertOverride(systemContext(h.db), { flag: { key: flag }, userId: "bob", value }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).fieldErrors).toEqual({ value: [message] });
    expect(await h.db.$count(featureFlagOverrides)).toBe(before);
  });

  it("takes a variant's value, compared as JSON", async () => {
    const { override } = await upsertOverride(systemContext(h.db), { flag: { key: "theme" }, userId: "carol", value: { hex: "#00f" } });
    expect(override.value).toEqual({ hex: "#00f" });
  });

  it("refuses an expiry in the past, a missing user id, and an unknown flag", async () => {
    await expect(upsertOverride(systemContext(h.db), { flag: { key: "beta" }, userId: "dan", value: true, expiresAt: "2000-01-01" })).rejects.toThrow(
      "Choose an expiry in the future; to end an override now, remove it.",
    );
    await expect(upsertOverride(systemContext(h.db), { flag: { key: "beta" }, userId: "  ", value: true })).rejects.toThrow(Invalid);
    await expect(upsertOverride(systemContext(h.db), { flag: { key: "nope" }, userId: "dan", value: true })).rejects.toThrow(NotFound);
  });

  it("requires feature_flag:update", async () => {
    await expect(upsertOverride(contextWith(h.db, ["feature_flag:read"]), { flag: { key: "beta" }, userId: "eve", value: true })).rejects.toThrow(Forbidden);
  });
});

describe("bulkUpsertOverrides", () => {
  it("gives pasted user ids one value, reason and expiry, counting new and replaced, in one audit row", async () => {
    await upsertOverride(systemContext(h.db), { flag: { key: "beta" }, userId: "u2", value: false });
    const expiresAt = inAnHour();
    const result = await bulkUpsertOverrides(systemContext(h.db), { flag: { key: "beta" }, userIds: "u1\nu2, u3;u1  u4\n\n", value: true, reason: "pilot", expiresAt });
    expect(result).toEqual({ created: 3, updated: 1 });
    const page = await listOverrides(systemContext(h.db), { flag: { key: "beta" }, search: "u" });
    expect(page.rows.map((r) => [r.userId, r.value, r.reason, r.expiresAt?.getTime()])).toEqual(
      ["u1", "u2", "u3", "u4"].map((u) => [u, true, "pilot", expiresAt.getTime()]),
    );
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, "feature_flag_override.bulk_upsert"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "feature_flag_override", entityId: boolId, after: { flagKey: "beta", userIds: ["u1", "u2", "u3", "u4"], created: 3, updated: 1 } });
  });

  it("refuses a wrong value for all of them, and more than 1000 ids, writing nothing", async () => {
    const before = await h.db.$count(featureFlagOverrides);
    await expect(bulkUpsertOverrides(systemContext(h.db), { flag: { key: "theme" }, userIds: ["x1", "x2"], value: "#123" })).rejects.toThrow(Invalid);
    const many = Array.from({ length: 1001 }, (_, i) => `m${i}`);
    await expect(bulkUpsertOverrides(systemContext(h.db), { flag: { key: "beta" }, userIds: many, value: true })).rejects.toThrow("Enter at most 1000 user ids at once.");
    await expect(bulkUpsertOverrides(systemContext(h.db), { flag: { key: "beta" }, userIds: " \n ", value: true })).rejects.toThrow("Enter at least one user id.");
    expect(await h.db.$count(featureFlagOverrides)).toBe(before);
  });
});

describe("listOverrides", () => {
  it("marks expired overrides and filters by state", async () => {
    await createFlag(systemContext(h.db), booleanFlag("expiring"));
    await upsertOverride(systemContext(h.db), { flag: { key: "expiring" }, userId: "past", value: true, expiresAt: inAnHour() });
    await upsertOverride(systemContext(h.db), { flag: { key: "expiring" }, userId: "future", value: true, expiresAt: inAnHour() });
    await h.db.update(featureFlagOverrides).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(featureFlagOverrides.userId, "past"));
    const all = await listOverrides(systemContext(h.db), { flag: { key: "expiring" } });
    expect(all.rows.map((r) => [r.userId, r.active])).toEqual([["future", true], ["past", false]]);
    expect((await listOverrides(systemContext(h.db), { flag: { key: "expiring" }, state: "expired" })).rows.map((r) => r.userId)).toEqual(["past"]);
    expect((await listOverrides(systemContext(h.db), { flag: { key: "expiring" }, state: "active" })).total).toBe(1);
    await expect(listOverrides(contextWith(h.db, ["experiment:read"]), { flag: { key: "expiring" } })).rejects.toThrow(Forbidden);
  });
});

describe("removeOverride", () => {
  it("removes one user's override, audited; a second removal is NotFound", async () => {
    const { override } = await upsertOverride(systemContext(h.db), { flag: { key: "beta" }, userId: "gone", value: true });
    expect(await removeOverride(systemContext(h.db), { flag: { key: "beta" }, userId: "gone" })).toEqual({ id: override.id, userId: "gone" });
    expect((await flagAudit(h.db, override.id)).at(-1)).toMatchObject({ action: "feature_flag_override.delete", before: { userId: "gone", flagKey: "beta" } });
    await expect(removeOverride(systemContext(h.db), { flag: { key: "beta" }, userId: "gone" })).rejects.toThrow('The flag "beta" has no override for user "gone".');
    await expect(removeOverride(contextWith(h.db, ["feature_flag:read"]), { flag: { key: "beta" }, userId: "u1" })).rejects.toThrow(Forbidden);
  });
});
