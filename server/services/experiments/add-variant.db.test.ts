import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { variants } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Forbidden, Invalid, NotFound } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { addVariant } from "./add-variant";
import { changeExperimentStatus } from "./change-experiment-status";
import { createExperiment } from "./create-experiment";
import { auditRows, readyExperiment } from "./experiment-fixtures";
import { getExperiment } from "./get-experiment";

let h: DatabaseHandle;
let experimentId: string;
beforeAll(async () => {
  h = await createTestDatabase();
  experimentId = (await createExperiment(systemContext(h.db), readyExperiment("host", { variants: [{ name: "control", isControl: true, trafficAllocation: 40 }] }))).id;
});
afterAll(() => h.close());

const host = { key: "host" };

async function refused(variant: Parameters<typeof addVariant>[1]["variant"], experiment: { key: string } = host): Promise<Invalid> {
  const before = await h.db.$count(variants);
  const error = await addVariant(systemContext(h.db), { experiment, variant }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Invalid);
  expect(await h.db.$count(variants)).toBe(before);
  return error as Invalid;
}

describe("addVariant", () => {
  it("adds a variant after the others and audits it", async () => {
    const added = await addVariant(systemContext(h.db), { experiment: host, variant: { name: "green", trafficAllocation: 60, configuration: { color: "green" } } });
    expect(added).toMatchObject({ experimentId, name: "green", isControl: false, trafficAllocation: 60, configuration: { color: "green" }, description: null });
    expect((await getExperiment(systemContext(h.db), host)).variants.map((v) => v.name)).toEqual(["control", "green"]);
    const audit = await auditRows(h.db, added.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "variant.create", entityType: "variant", before: null, after: { name: "green", trafficAllocation: 60 } });
  });

  it("refuses a total above 100%, a taken name and a second control, on the variant's own fields", async () => {
    expect((await refused({ name: "blue", trafficAllocation: 0.5 })).fieldErrors).toEqual({
      trafficAllocation: ["The variants' traffic allocations would total 100.5%; at most 100% is possible."],
    });
    expect((await refused({ name: "green", isControl: true, trafficAllocation: 0 })).fieldErrors).toEqual({
      name: ['Another variant is already named "green".'],
      isControl: ["Only one variant can be the control."],
    });
    expect((await refused({ name: "", trafficAllocation: -1, configuration: "x" as never })).fieldErrors).toEqual({
      name: ["Enter a name."],
      trafficAllocation: ["Enter a percentage from 0 to 100."],
      configuration: ['Enter a JSON object, such as {"key": "value"}.'],
    });
  });

  it("requires an absolute http(s) URL in a split-URL experiment", async () => {
    await createExperiment(systemContext(h.db), { key: "split", name: "Split", experimentType: "SPLIT_URL" });
    expect((await refused({ name: "a", trafficAllocation: 50, configuration: { url: "ftp://example.com" } }, { key: "split" })).fieldErrors).toEqual({
      "configuration.url": ['Variant "a": its configuration has a "url" that is not an absolute http(s) address, such as https://example.com/page.'],
    });
    const ok = await addVariant(systemContext(h.db), { experiment: { key: "split" }, variant: { name: "a", trafficAllocation: 50, configuration: { url: "https://example.com/a" } } });
    expect(ok.configuration).toEqual({ url: "https://example.com/a" });
  });

  it("may add to a running experiment", async () => {
    await createExperiment(systemContext(h.db), readyExperiment("live", { variants: [{ name: "c", isControl: true, trafficAllocation: 30 }, { name: "t", trafficAllocation: 30 }] }));
    await changeExperimentStatus(systemContext(h.db), { experiment: { key: "live" }, status: "ACTIVE" });
    expect((await addVariant(systemContext(h.db), { experiment: { key: "live" }, variant: { name: "t2", trafficAllocation: 40 } })).name).toBe("t2");
  });

  it("answers NotFound for an unknown experiment and Forbidden without experiment:update", async () => {
    await expect(addVariant(systemContext(h.db), { experiment: { key: "nope" }, variant: { name: "x", trafficAllocation: 0 } })).rejects.toThrow(NotFound);
    const before = await h.db.$count(variants, eq(variants.experimentId, experimentId));
    await expect(addVariant(contextWith(h.db, ["experiment:read", "experiment:create"]), { experiment: host, variant: { name: "x", trafficAllocation: 0 } })).rejects.toThrow(Forbidden);
    expect(await h.db.$count(variants, eq(variants.experimentId, experimentId))).toBe(before);
  });
});
