import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hash } from "@/core/assignment/hash";
import type { DatabaseHandle } from "@/db/client";
import { featureFlagOverrides } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Forbidden, Invalid } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { createFlag } from "./create-flag";
import { booleanFlag, colorFlag } from "./flag-fixtures";
import { testFlag } from "./test-flag";
import { upsertOverride } from "./upsert-override";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await createFlag(systemContext(h.db), booleanFlag("checkout"));
  await createFlag(systemContext(h.db), colorFlag("theme", { rolloutPercentage: 0 }));
});
afterAll(() => h.close());

const reader = () => contextWith(h.db, ["feature_flag:read"]);
function userWhere(key: string, test: (bucket: number) => boolean): string {
  for (let i = 0; ; i++) if (test(hash(key, `u${i}`))) return `u${i}`;
}

describe("testFlag", () => {
  it("names the rule that decided, with its description", async () => {
    expect(await testFlag(reader(), { flag: { key: "checkout" }, userId: "u1", context: { plan: "beta" } })).toMatchObject({
      value: true,
      variant: "on",
      reason: "TARGETING_MATCH",
      enabled: true,
      rule: { id: "beta-testers", index: 0, description: "Beta plan" },
      userOverride: null,
    });
  });

  it("falls back to the rollout: SPLIT inside 25%, DEFAULT outside", async () => {
    const inside = userWhere("checkout", (b) => b < 0.25);
    const outside = userWhere("checkout", (b) => b >= 0.25);
    expect(await testFlag(reader(), { flag: { key: "checkout" }, userId: inside })).toMatchObject({ value: true, reason: "SPLIT", rule: null, decidedBy: { kind: "rollout" } });
    expect(await testFlag(reader(), { flag: { key: "checkout" }, userId: outside })).toMatchObject({ value: false, reason: "DEFAULT" });
  });

  it("answers null where SDKs get no value, and shows an override, applied or expired", async () => {
    expect(await testFlag(reader(), { flag: { key: "theme" }, userId: "u1" })).toMatchObject({ value: null, variant: null, reason: "DEFAULT" });
    await upsertOverride(systemContext(h.db), { flag: { key: "theme" }, userId: "vip", value: "#f00", reason: "demo" });
    expect(await testFlag(reader(), { flag: { key: "theme" }, userId: "vip" })).toMatchObject({
      value: "#f00",
      variant: "red",
      reason: "TARGETING_MATCH",
      override: true,
      decidedBy: { kind: "override" },
      userOverride: { value: "#f00", reason: "demo", expiresAt: null },
    });
    await h.db.update(featureFlagOverrides).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(featureFlagOverrides.userId, "vip"));
    expect(await testFlag(reader(), { flag: { key: "theme" }, userId: "vip" })).toMatchObject({ override: false, reason: "DEFAULT", userOverride: { value: "#f00" } });
  });

  it("refuses a context that is not an object, and needs feature_flag:read", async () => {
    await expect(testFlag(reader(), { flag: { key: "checkout" }, userId: "u1", context: [] as never })).rejects.toThrow(Invalid);
    await expect(testFlag(contextWith(h.db, ["experiment:read"]), { flag: { key: "checkout" }, userId: "u1" })).rejects.toThrow(Forbidden);
  });
});
