import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { featureFlags } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Conflict, Forbidden, Invalid, NotFound } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { createFlag } from "./create-flag";
import { booleanFlag, colorFlag, flagAudit } from "./flag-fixtures";
import { getFlag } from "./get-flag";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

describe("createFlag and getFlag", () => {
  it("creates a boolean flag with its rules, audited, and reads it back by key and by id", async () => {
    const created = await createFlag(systemContext(h.db), booleanFlag("new-checkout", { tags: ["checkout", "checkout"] }));
    expect(created).toMatchObject({
      key: "new-checkout",
      status: "ACTIVE",
      rolloutPercentage: 25,
      variants: null,
      tags: ["checkout"],
      targetingRules: [{ id: "beta-testers", description: "Beta plan", condition: { plan: "beta" }, serve: "on" }],
      overrideCount: 0,
      activeOverrideCount: 0,
      owner: null,
    });
    expect(await getFlag(systemContext(h.db), { key: "new-checkout" })).toEqual(created);
    expect(await getFlag(systemContext(h.db), { id: created.id })).toEqual(created);
    const audit = await flagAudit(h.db, created.id);
    expect(audit.map((row) => [row.action, row.entityType])).toEqual([["feature_flag.create", "feature_flag"]]);
  });

  it("defaults to an INACTIVE boolean flag at 0% and gives rules without an id a fresh one", async () => {
    const created = await createFlag(systemContext(h.db), { key: "Plain.Flag_1", name: "Plain", targetingRules: [{ condition: { country: "FR" } }, { condition: null, serve: "off" }] });
    expect(created).toMatchObject({ status: "INACTIVE", rolloutPercentage: 0, variants: null });
    const [a, b] = created.targetingRules;
    expect(a).toMatchObject({ condition: { country: "FR" }, serve: "on" });
    expect(b).toMatchObject({ condition: {}, serve: "off" });
    expect(a?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a?.id).not.toBe(b?.id);
  });

  it("creates a multivariate flag with typed values", async () => {
    const created = await createFlag(systemContext(h.db), colorFlag("colors", { targetingRules: [{ id: "fr", condition: { country: "FR" }, serve: "blue", rolloutPercentage: 50 }] }));
    expect(created.variants).toEqual([
      { key: "red", value: "#f00", weight: 25 },
      { key: "blue", value: { hex: "#00f" }, weight: 75 },
    ]);
    expect(created.targetingRules).toEqual([{ id: "fr", condition: { country: "FR" }, serve: "blue", rolloutPercentage: 50 }]);
  });

  it.each([
    { name: "a key with spaces", input: booleanFlag("bad key"), field: "key" },
    { name: "a rollout above 100", input: booleanFlag("r", { rolloutPercentage: 101 }), field: "rolloutPercentage" },
    { name: "weights not summing to 100", input: colorFlag("w", { variants: [{ key: "a", value: 1, weight: 50 }, { key: "b", value: 2, weight: 10 }] }), field: "variants" },
    { name: "a rule serving a missing variant", input: colorFlag("m", { targetingRules: [{ condition: {}, serve: "green" }] }), field: "targetingRules.0.serve" },
    { name: "a boolean rule serving a variant", input: booleanFlag("b", { targetingRules: [{ condition: {}, serve: "red" }] }), field: "targetingRules.0.serve" },
    { name: "a malformed condition", input: booleanFlag("c", { targetingRules: [{ condition: { age: { $gtx: 1 } } }] }), field: "targetingRules.0.condition" },
    { name: "an unknown owner", input: booleanFlag("o", { ownerId: "00000000-0000-4000-8000-000000000000" }), field: "ownerId" },
  ])("refuses $name, writing nothing", async ({ input, field }) => {
    const before = await h.db.$count(featureFlags);
    const error = await createFlag(systemContext(h.db), input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect(Object.keys((error as Invalid).fieldErrors)).toContain(field);
    expect(await h.db.$count(featureFlags)).toBe(before);
  });

  it("refuses a duplicate key with a Conflict on the key field", async () => {
    await createFlag(systemContext(h.db), booleanFlag("taken"));
    const error = await createFlag(systemContext(h.db), booleanFlag("taken")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).fieldErrors).toEqual({ key: ["This key is already used."] });
    expect(await h.db.$count(featureFlags, eq(featureFlags.key, "taken"))).toBe(1);
  });

  it("requires feature_flag:create to create and feature_flag:read to read", async () => {
    await expect(createFlag(contextWith(h.db, ["feature_flag:read", "feature_flag:update"]), booleanFlag("nope"))).rejects.toThrow(Forbidden);
    await expect(getFlag(contextWith(h.db, ["experiment:read"]), { key: "taken" })).rejects.toThrow(Forbidden);
    await expect(getFlag(contextWith(h.db, ["feature_flag:read"]), { key: "missing" })).rejects.toThrow(NotFound);
    await expect(getFlag(systemContext(h.db), { id: "not-a-uuid" })).rejects.toThrow(NotFound);
  });
});
