import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { Forbidden, NotFound } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { createUser } from "../users/create-user";
import { createExperiment } from "./create-experiment";
import { readyExperiment } from "./experiment-fixtures";
import { getExperiment } from "./get-experiment";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

describe("getExperiment", () => {
  it("finds by key or id, with variants in bucket order, metrics and owner, for a reader", async () => {
    const owner = await createUser(systemContext(h.db), { username: "olga", email: "olga@example.com", password: "correct horse", fullName: "Olga" });
    const created = await createExperiment(systemContext(h.db), readyExperiment("found", { ownerId: owner.id }));
    const reader = contextWith(h.db, ["experiment:read"]);
    const byKey = await getExperiment(reader, { key: "found" });
    const byId = await getExperiment(reader, { id: created.id });
    expect(byId).toEqual(byKey);
    expect(byKey).toEqual(created);
    expect(byKey.owner).toEqual({ id: owner.id, username: "olga", fullName: "Olga" });
    expect(byKey.variants.map((v) => v.name)).toEqual(["control", "treatment"]);
    expect(byKey.metricDefinitions.map((m) => m.name)).toEqual(["Purchases"]);
  });

  it("answers NotFound for unknown keys and ids, including malformed ids", async () => {
    await expect(getExperiment(systemContext(h.db), { key: "missing" })).rejects.toThrow(NotFound);
    await expect(getExperiment(systemContext(h.db), { id: "00000000-0000-4000-8000-000000000000" })).rejects.toThrow(NotFound);
    await expect(getExperiment(systemContext(h.db), { id: "1; drop table x" })).rejects.toThrow(NotFound);
  });

  it("requires experiment:read", async () => {
    await expect(getExperiment(contextWith(h.db, ["feature_flag:read"]), { key: "found" })).rejects.toThrow(Forbidden);
  });
});
