import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { Forbidden, Invalid, NotFound } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { createExperiment } from "./create-experiment";
import { auditRows, readyExperiment } from "./experiment-fixtures";
import { getExperiment } from "./get-experiment";
import type { VariantRow } from "./load-experiment";
import { updateVariant } from "./update-variant";

let h: DatabaseHandle;
let control: VariantRow;
let treatment: VariantRow;
beforeAll(async () => {
  h = await createTestDatabase();
  const created = await createExperiment(systemContext(h.db), readyExperiment("host"));
  [control, treatment] = created.variants as [VariantRow, VariantRow];
});
afterAll(() => h.close());

const host = { key: "host" };

async function refused(variantId: string, changes: Parameters<typeof updateVariant>[1]["changes"]): Promise<Invalid> {
  const before = await getExperiment(systemContext(h.db), host);
  const error = await updateVariant(systemContext(h.db), { experiment: host, variantId, changes }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Invalid);
  expect(await getExperiment(systemContext(h.db), host)).toEqual(before);
  return error as Invalid;
}

describe("updateVariant", () => {
  it("changes the given fields and audits before and after", async () => {
    const updated = await updateVariant(systemContext(h.db), { experiment: host, variantId: treatment.id, changes: { name: "blue", trafficAllocation: 25, description: "Blue" } });
    expect(updated).toMatchObject({ id: treatment.id, name: "blue", trafficAllocation: 25, description: "Blue", isControl: false, configuration: { color: "green" } });
    const audit = await auditRows(h.db, treatment.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "variant.update", before: { name: "treatment", trafficAllocation: 50 }, after: { name: "blue", trafficAllocation: 25 } });
  });

  it("writes nothing for an unchanged variant", async () => {
    await updateVariant(systemContext(h.db), { experiment: host, variantId: control.id, changes: { name: "control" } });
    expect(await auditRows(h.db, control.id)).toEqual([]);
  });

  it("shows the total allocation, a taken name and a second control as field errors", async () => {
    expect((await refused(treatment.id, { trafficAllocation: 60 })).fieldErrors).toEqual({
      trafficAllocation: ["The variants' traffic allocations would total 110%; at most 100% is possible."],
    });
    expect((await refused(treatment.id, { name: "control", isControl: true })).fieldErrors).toEqual({
      name: ['Another variant is already named "control".'],
      isControl: ["Only one variant can be the control."],
    });
    expect((await refused(treatment.id, { experimentId: "x" } as never)).fieldErrors).toEqual({ _form: ['Unrecognized key: "experimentId"'] });
  });

  it("moves the control in two steps", async () => {
    await updateVariant(systemContext(h.db), { experiment: host, variantId: control.id, changes: { isControl: false } });
    await updateVariant(systemContext(h.db), { experiment: host, variantId: treatment.id, changes: { isControl: true } });
    expect((await getExperiment(systemContext(h.db), host)).variants.map((v) => [v.name, v.isControl])).toEqual([
      ["control", false],
      ["blue", true],
    ]);
  });

  it("answers NotFound for a variant of another experiment, Forbidden without experiment:update", async () => {
    const other = await createExperiment(systemContext(h.db), readyExperiment("other"));
    await expect(updateVariant(systemContext(h.db), { experiment: host, variantId: other.variants[0]!.id, changes: { name: "x" } })).rejects.toThrow(NotFound);
    await expect(updateVariant(contextWith(h.db, ["experiment:read"]), { experiment: host, variantId: control.id, changes: { name: "x" } })).rejects.toThrow(Forbidden);
    expect((await getExperiment(systemContext(h.db), host)).variants[0]?.name).toBe("control");
  });
});
