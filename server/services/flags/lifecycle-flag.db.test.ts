import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { featureFlagOverrides, featureFlags } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Conflict, Forbidden, NotFound } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { changeFlagStatus } from "./change-flag-status";
import { countOverrides } from "./count-overrides";
import { createFlag } from "./create-flag";
import { deleteFlag } from "./delete-flag";
import { duplicateFlag } from "./duplicate-flag";
import { booleanFlag, colorFlag, flagAudit } from "./flag-fixtures";
import { upsertOverride } from "./upsert-override";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

describe("changeFlagStatus", () => {
  it("switches a flag off and on, auditing each change and nothing for a no-op", async () => {
    const flag = await createFlag(systemContext(h.db), booleanFlag("switch"));
    expect(await changeFlagStatus(systemContext(h.db), { flag: { key: "switch" }, status: "INACTIVE" })).toMatchObject({ outcome: "changed", flag: { status: "INACTIVE" } });
    expect(await changeFlagStatus(systemContext(h.db), { flag: { id: flag.id }, status: "INACTIVE" })).toMatchObject({ outcome: "unchanged" });
    const audit = await flagAudit(h.db, flag.id);
    expect(audit.map((row) => row.action)).toEqual(["feature_flag.create", "feature_flag.status"]);
    expect(audit[1]).toMatchObject({ before: { status: "ACTIVE" }, after: { status: "INACTIVE" } });
  });

  it("refuses an unknown status and needs feature_flag:update", async () => {
    await expect(changeFlagStatus(systemContext(h.db), { flag: { key: "switch" }, status: "PAUSED" as never })).rejects.toThrow("Choose one of ACTIVE, INACTIVE.");
    await expect(changeFlagStatus(contextWith(h.db, ["feature_flag:read"]), { flag: { key: "switch" }, status: "ACTIVE" })).rejects.toThrow(Forbidden);
  });
});

describe("duplicateFlag", () => {
  it("copies rules, rollout and variants as an INACTIVE flag under <key>-copy, -copy-2, without overrides", async () => {
    await createFlag(systemContext(h.db), colorFlag("palette", { targetingRules: [{ id: "r", condition: { a: 1 }, serve: "red" }] }));
    await upsertOverride(systemContext(h.db), { flag: { key: "palette" }, userId: "u1", value: "#f00" });
    const copy = await duplicateFlag(systemContext(h.db), { flag: { key: "palette" } });
    expect(copy).toMatchObject({ key: "palette-copy", name: "Colors palette (copy)", status: "INACTIVE", rolloutPercentage: 100, overrideCount: 0 });
    expect(copy.targetingRules).toEqual([{ id: "r", condition: { a: 1 }, serve: "red" }]);
    expect((await duplicateFlag(systemContext(h.db), { flag: { key: "palette" } })).key).toBe("palette-copy-2");
    expect((await duplicateFlag(systemContext(h.db), { flag: { key: "palette" }, key: "palette-b", name: "B" })).name).toBe("B");
    await expect(duplicateFlag(systemContext(h.db), { flag: { key: "palette" }, key: "palette-b" })).rejects.toThrow(Conflict);
    expect((await flagAudit(h.db, copy.id))[0]).toMatchObject({ action: "feature_flag.duplicate", after: { duplicatedFrom: { key: "palette" } } });
  });
});

describe("deleteFlag and countOverrides", () => {
  it("counts overrides for the confirmation, then deletes the flag with them", async () => {
    const flag = await createFlag(systemContext(h.db), booleanFlag("doomed"));
    await upsertOverride(systemContext(h.db), { flag: { key: "doomed" }, userId: "a", value: true });
    await upsertOverride(systemContext(h.db), { flag: { key: "doomed" }, userId: "b", value: false, expiresAt: new Date(Date.now() + 60_000) });
    await h.db.update(featureFlagOverrides).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(featureFlagOverrides.userId, "b"));
    expect(await countOverrides(contextWith(h.db, ["feature_flag:read"]), { key: "doomed" })).toEqual({ total: 2, active: 1 });
    expect(await deleteFlag(systemContext(h.db), { key: "doomed" })).toEqual({ id: flag.id, key: "doomed", overridesDeleted: 2 });
    expect(await h.db.$count(featureFlags, eq(featureFlags.id, flag.id))).toBe(0);
    expect(await h.db.$count(featureFlagOverrides, eq(featureFlagOverrides.featureFlagId, flag.id))).toBe(0);
    expect((await flagAudit(h.db, flag.id)).at(-1)).toMatchObject({ action: "feature_flag.delete", before: { key: "doomed", overrideCount: 2 } });
    await expect(deleteFlag(systemContext(h.db), { key: "doomed" })).rejects.toThrow(NotFound);
  });

  it("requires feature_flag:delete", async () => {
    await createFlag(systemContext(h.db), booleanFlag("kept"));
    await expect(deleteFlag(contextWith(h.db, ["feature_flag:read", "feature_flag:update"]), { key: "kept" })).rejects.toThrow(Forbidden);
    expect(await h.db.$count(featureFlags, eq(featureFlags.key, "kept"))).toBe(1);
  });
});
