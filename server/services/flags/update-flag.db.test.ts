import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { Forbidden, Invalid } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { createFlag } from "./create-flag";
import { booleanFlag, colorFlag, flagAudit } from "./flag-fixtures";
import { getFlag } from "./get-flag";
import { updateFlag } from "./update-flag";
import { upsertOverride } from "./upsert-override";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

describe("updateFlag", () => {
  it("changes only the given fields, keeps rule ids, and audits before and after", async () => {
    const created = await createFlag(systemContext(h.db), booleanFlag("edit-me"));
    const updated = await updateFlag(systemContext(h.db), {
      flag: { key: "edit-me" },
      changes: { name: "Edited", rolloutPercentage: 60, targetingRules: [...created.targetingRules, { condition: { country: "FR" }, serve: "off" }] },
    });
    expect(updated).toMatchObject({ key: "edit-me", name: "Edited", rolloutPercentage: 60, description: null, status: "ACTIVE" });
    expect(updated.targetingRules[0]).toEqual(created.targetingRules[0]);
    expect(updated.targetingRules[1]).toMatchObject({ condition: { country: "FR" }, serve: "off" });
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
    const audit = await flagAudit(h.db, created.id);
    expect(audit.at(-1)).toMatchObject({ action: "feature_flag.update", before: { name: "Flag edit-me" }, after: { name: "Edited" } });
  });

  it("never changes the key", async () => {
    await createFlag(systemContext(h.db), booleanFlag("fixed-key"));
    const error = await updateFlag(systemContext(h.db), { flag: { key: "fixed-key" }, changes: { key: "other" } as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).message).toBe("A flag's key cannot change.");
    expect((await getFlag(systemContext(h.db), { key: "fixed-key" })).name).toBe("Flag fixed-key");
  });

  it("checks rules against the variants as they will be after the edit", async () => {
    await createFlag(systemContext(h.db), colorFlag("recolor", { targetingRules: [{ id: "r", condition: {}, serve: "red" }] }));
    const error = await updateFlag(systemContext(h.db), {
      flag: { key: "recolor" },
      changes: { variants: [{ key: "green", value: "#0f0", weight: 50 }, { key: "blue", value: { hex: "#00f" }, weight: 50 }] },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).fieldErrors).toEqual({ "targetingRules.0.serve": ['Serve "on", "off" or a variant key; "red" is not one.'] });
    expect((await getFlag(systemContext(h.db), { key: "recolor" })).variants?.map((v) => v.key)).toEqual(["red", "blue"]);
  });

  it("refuses variants that would strand an override, changing nothing", async () => {
    await createFlag(systemContext(h.db), booleanFlag("to-multi"));
    await upsertOverride(systemContext(h.db), { flag: { key: "to-multi" }, userId: "alice", value: true });
    const variants = [{ key: "a", value: "A", weight: 50 }, { key: "b", value: "B", weight: 50 }];
    const error = await updateFlag(systemContext(h.db), { flag: { key: "to-multi" }, changes: { variants, targetingRules: [] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).message).toBe("1 override (alice) hold values these variants do not have; change or remove them first.");
    expect((await getFlag(systemContext(h.db), { key: "to-multi" })).variants).toBeNull();
  });

  it("requires feature_flag:update", async () => {
    await createFlag(systemContext(h.db), booleanFlag("guarded"));
    await expect(updateFlag(contextWith(h.db, ["feature_flag:read", "feature_flag:create"]), { flag: { key: "guarded" }, changes: { name: "x" } })).rejects.toThrow(Forbidden);
  });
});
