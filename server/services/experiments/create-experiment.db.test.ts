import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { experiments, metrics, variants } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Conflict, Forbidden, Invalid } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { createUser } from "../users/create-user";
import { createExperiment } from "./create-experiment";
import { auditRows, readyExperiment } from "./experiment-fixtures";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

async function counts() {
  return { experiments: await h.db.$count(experiments), variants: await h.db.$count(variants), metrics: await h.db.$count(metrics) };
}

async function invalid(input: Parameters<typeof createExperiment>[1]): Promise<Invalid> {
  const error = await createExperiment(systemContext(h.db), input).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Invalid);
  return error as Invalid;
}

describe("createExperiment", () => {
  it("creates a DRAFT with its variants in the given order, metrics and one audit row", async () => {
    const created = await createExperiment(systemContext(h.db), {
      ...readyExperiment("checkout-button"),
      description: "  Green button  ",
      hypothesis: "",
      tags: [" checkout ", "ui", "checkout"],
      startDate: "2030-01-01",
      endDate: "2030-02-01T10:00:00+02:00",
      targetingRules: { country: { $in: ["US", "CA"] } },
      metrics: { alpha: 0.05 },
      variants: [
        { name: "z-control", isControl: true, trafficAllocation: 20 },
        { name: "a-second", trafficAllocation: 30 },
        { name: "m-third", trafficAllocation: 50, description: "third" },
      ],
    });
    expect(created).toMatchObject({
      key: "checkout-button",
      status: "DRAFT",
      experimentType: "A_B",
      description: "Green button",
      hypothesis: null,
      tags: ["checkout", "ui"],
      ownerId: null,
      owner: null,
      targetingRules: { country: { $in: ["US", "CA"] } },
      metrics: { alpha: 0.05 },
    });
    expect(created.startDate?.toISOString()).toBe("2030-01-01T00:00:00.000Z");
    expect(created.endDate?.toISOString()).toBe("2030-02-01T08:00:00.000Z");
    expect(created.variants.map((v) => [v.name, v.isControl, v.trafficAllocation])).toEqual([
      ["z-control", true, 20],
      ["a-second", false, 30],
      ["m-third", false, 50],
    ]);
    expect(created.metricDefinitions).toMatchObject([
      { name: "Purchases", eventName: "purchase", metricType: "CONVERSION", isPrimary: true, lowerIsBetter: false, aggregationMethod: null },
    ]);
    const audit = await auditRows(h.db, created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "experiment.create", entityType: "experiment", actorLabel: "test", before: null });
    expect(audit[0]?.after).toMatchObject({ key: "checkout-button", variants: [{ name: "z-control" }, { name: "a-second" }, { name: "m-third" }] });
  });

  it("makes the signed-in user the owner unless told otherwise", async () => {
    const ann = await createUser(systemContext(h.db), { username: "ann", email: "ann@example.com", password: "correct horse" });
    const ctx = { db: h.db, actor: { kind: "user" as const, id: ann.id, label: "ann", isSuperuser: false, permissions: new Set(["experiment:create" as const]) } };
    const owned = await createExperiment(ctx, readyExperiment("owned"));
    expect(owned.owner).toEqual({ id: ann.id, username: "ann", fullName: null });
    expect((await createExperiment(ctx, { ...readyExperiment("unowned"), ownerId: null })).ownerId).toBeNull();
    const error = await createExperiment(ctx, { ...readyExperiment("ghost"), ownerId: "00000000-0000-4000-8000-000000000000" }).catch((e: unknown) => e);
    expect((error as Invalid).fieldErrors).toEqual({ ownerId: ["Choose an existing user."] });
  });

  it("refuses a taken key with a field error, writing nothing", async () => {
    await createExperiment(systemContext(h.db), readyExperiment("taken"));
    const before = await counts();
    const error = await createExperiment(systemContext(h.db), readyExperiment("taken")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).fieldErrors).toEqual({ key: ["This key is already used."] });
    expect(await counts()).toEqual(before);
  });

  it("reports every invalid experiment field and writes nothing", async () => {
    const before = await counts();
    const error = await invalid({
      key: "Bad Key",
      name: " ",
      experimentType: "AB" as never,
      startDate: "2030-02-01",
      endDate: "2030-01-01",
      tags: Array.from({ length: 21 }, (_, i) => `t${i}`),
      targetingRules: { country: { $gt: true } },
      metrics: [1] as never,
    });
    expect(error.fieldErrors).toEqual({
      key: ["Use lower-case letters, digits, dashes and underscores, starting with a letter or digit."],
      name: ["Enter a name."],
      experimentType: ["Choose one of A_B, MULTIVARIATE, SPLIT_URL, BANDIT."],
      tags: ["An experiment has at most 20 tags."],
      targetingRules: ["Targeting rules: country.$gt: expects a number or a string, got boolean"],
      metrics: ['Enter a JSON object, such as {"key": "value"}.'],
    });
    expect((await invalid({ key: "dates", name: "d", startDate: "2030-02-01", endDate: "2030-02-01" })).fieldErrors).toEqual({
      endDate: ["The end date must be after the start date."],
    });
    expect((await invalid({ key: "x".repeat(101), name: "n", startDate: "tomorrow" })).fieldErrors).toEqual({
      key: ["A key has at most 100 characters."],
      startDate: ["Enter a date as ISO-8601, such as 2030-01-31 or 2030-01-31T09:00:00Z."],
    });
    expect(await counts()).toEqual(before);
  });

  it("checks the nested variants and metrics as a set, naming each row", async () => {
    const before = await counts();
    const error = await invalid({
      key: "nested",
      name: "Nested",
      experimentType: "SPLIT_URL",
      variants: [
        { name: "a", isControl: true, trafficAllocation: 60, configuration: { url: "https://example.com/a" } },
        { name: "a", isControl: true, trafficAllocation: 50, configuration: { url: "/b" } },
        { name: "c", trafficAllocation: 101 },
      ],
      metricDefinitions: [
        { name: "m", eventName: "e", metricType: "CUSTOM" },
        { name: "m", eventName: "e", metricType: "COUNT", eventValuePath: "$.a..b", minimumSampleSize: -1 },
      ],
    });
    // Row errors and set errors arrive together, so a form shows all of them at once.
    expect(error.fieldErrors).toEqual({
      "variants.2.trafficAllocation": ["Enter a percentage from 0 to 100."],
      "variants.0.name": ['Another variant is already named "a".'],
      "variants.1.name": ['Another variant is already named "a".'],
      "variants.0.isControl": ["Only one variant can be the control."],
      "variants.1.isControl": ["Only one variant can be the control."],
      variants: ["The variants' traffic allocations would total 211%; at most 100% is possible."],
      "variants.1.configuration.url": [
        'Variant "a": its configuration has a "url" that is not an absolute http(s) address, such as https://example.com/page.',
      ],
      "variants.2.configuration.url": ['Variant "c": its configuration needs a "url": an absolute http(s) address, such as https://example.com/page.'],
      "metricDefinitions.0.name": ['Another metric is already named "m".'],
      "metricDefinitions.1.name": ['Another metric is already named "m".'],
      "metricDefinitions.0.aggregationMethod": ["A custom metric needs an aggregation method."],
      "metricDefinitions.0.eventValuePath": ["A custom metric needs the path of its value."],
      "metricDefinitions.1.minimumSampleSize": ["Enter 0 or more."],
      "metricDefinitions.1.eventValuePath": ["Enter a path such as $.order.total or items[0].price."],
    });
    expect(await counts()).toEqual(before);
  });

  it("requires experiment:create", async () => {
    const before = await counts();
    await expect(createExperiment(contextWith(h.db, ["experiment:read"]), readyExperiment("viewer"))).rejects.toThrow(Forbidden);
    expect(await counts()).toEqual(before);
    const made = await createExperiment(contextWith(h.db, ["experiment:create"]), readyExperiment("experimenter"));
    expect(made.key).toBe("experimenter");
  });
});
