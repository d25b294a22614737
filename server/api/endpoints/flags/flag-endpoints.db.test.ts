import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { booleanFlag, colorFlag } from "../../../services/flags/flag-fixtures";
import { call, mintKeys } from "../experiments/endpoint-test-kit";
import type { ManagementEndpoint } from "../experiments/management-endpoint";
import { changeFlagStatusEndpoint, createFlagEndpoint, deleteFlagEndpoint, getFlagEndpoint, listFlagsEndpoint, updateFlagEndpoint } from "./flag-endpoints";
import { deletedFlagJsonSchema, flagJsonSchema, flagPageJsonSchema, overridePageJsonSchema, overrideWriteJsonSchema } from "./flag-json";
import { listOverridesEndpoint, removeOverrideEndpoint, upsertOverrideEndpoint } from "./override-endpoints";

let h: DatabaseHandle;
let admin: string;
beforeAll(async () => {
  h = await createTestDatabase();
  admin = (await mintKeys(h)).admin;
});
afterAll(() => h.close());

describe("flag management API", () => {
  it("creates, reads, lists, changes and switches a flag, answering in the documented shapes", async () => {
    const created = await call(h, createFlagEndpoint, { key: admin, body: booleanFlag("api-flag") });
    expect(created).toMatchObject({ status: 201, headers: { location: "/api/v1/flags/api-flag" } });
    expect(flagJsonSchema.parse(created.body)).toMatchObject({ key: "api-flag", status: "ACTIVE", rolloutPercentage: 25, variants: null });

    const read = await call(h, getFlagEndpoint, { key: admin, params: { key: "api-flag" } });
    expect(flagJsonSchema.parse(read.body).targetingRules).toEqual([{ id: "beta-testers", description: "Beta plan", condition: { plan: "beta" }, serve: "on" }]);

    const list = await call(h, listFlagsEndpoint, { key: admin, query: "search=api&status=ACTIVE&sort=key&direction=asc" });
    expect(flagPageJsonSchema.parse(list.body)).toMatchObject({ total: 1, data: [{ key: "api-flag", ruleCount: 1, activeOverrideCount: 0 }] });

    const patched = await call(h, updateFlagEndpoint, { key: admin, params: { key: "api-flag" }, body: { rolloutPercentage: 50, description: "Half" } });
    expect(flagJsonSchema.parse(patched.body)).toMatchObject({ rolloutPercentage: 50, description: "Half" });

    const switched = await call(h, changeFlagStatusEndpoint, { key: admin, params: { key: "api-flag" }, body: { status: "INACTIVE" } });
    expect(switched).toMatchObject({ status: 200, body: { outcome: "changed", flag: { status: "INACTIVE" } } });
  });

  it.each([
    { name: "a changed key", endpoint: updateFlagEndpoint, params: { key: "api-flag" }, body: { key: "renamed" }, status: 422, message: "A flag's key cannot change." },
    { name: "a body that is not an object", endpoint: createFlagEndpoint, params: {}, body: [1, 2], status: 422, message: undefined },
    { name: "a duplicate key", endpoint: createFlagEndpoint, params: {}, body: booleanFlag("api-flag"), status: 409, message: 'The key "api-flag" is already used by another flag.' },
    { name: "an unknown flag", endpoint: getFlagEndpoint, params: { key: "nope" }, body: undefined, status: 404, message: 'Flag "nope" not found.' },
    { name: "an unknown status", endpoint: changeFlagStatusEndpoint, params: { key: "api-flag" }, body: { status: "ON" }, status: 422, message: "status: Choose one of ACTIVE, INACTIVE." },
    { name: "a bad sort", endpoint: listFlagsEndpoint, params: {}, body: undefined, status: 422, message: undefined, query: "sort=color" },
  ] as Array<{ name: string; endpoint: ManagementEndpoint; params: Record<string, string>; body: unknown; status: number; message: string | undefined; query?: string }>)("answers $name with $status in the error shape", async ({ endpoint, params, body, status, message, query }) => {
    const response = await call(h, endpoint, { key: admin, params, body, query });
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error: { code: expect.any(String), message: message ?? expect.any(String) } });
  });

  it("manages overrides: one user, many users, list, remove, and refuses a value of the wrong type", async () => {
    await call(h, createFlagEndpoint, { key: admin, body: colorFlag("api-colors") });
    const params = { key: "api-colors" };
    const one = await call(h, upsertOverrideEndpoint, { key: admin, params, body: { userId: "ann", value: "#f00", reason: "demo", expiresAt: "2099-01-01T00:00:00Z" } });
    expect(one.status).toBe(201);
    expect(overrideWriteJsonSchema.parse(one.body)).toMatchObject({ created: true, override: { userId: "ann", expiresAt: "2099-01-01T00:00:00.000Z", active: true } });
    expect((await call(h, upsertOverrideEndpoint, { key: admin, params, body: { userId: "ann", value: { hex: "#00f" } } })).status).toBe(200);
    const bulk = await call(h, upsertOverrideEndpoint, { key: admin, params, body: { userIds: "ann\nbea\ncid", value: "#f00" } });
    expect(bulk).toEqual({ status: 200, body: { created: 2, updated: 1 } });
    const wrong = await call(h, upsertOverrideEndpoint, { key: admin, params, body: { userId: "dee", value: true } });
    expect(wrong).toMatchObject({ status: 422, body: { error: { code: "invalid", details: { fields: { value: ["Choose the value of one of the flag's variants (red, blue)."] } } } } });

    const page = overridePageJsonSchema.parse((await call(h, listOverridesEndpoint, { key: admin, params, query: "state=active" })).body);
    expect(page.data.map((o) => o.userId)).toEqual(["ann", "bea", "cid"]);
    expect(await call(h, removeOverrideEndpoint, { key: admin, params: { ...params, userId: "bea" } })).toMatchObject({ status: 204 });
    expect((await call(h, removeOverrideEndpoint, { key: admin, params: { ...params, userId: "bea" } })).status).toBe(404);

    const deleted = await call(h, deleteFlagEndpoint, { key: admin, params });
    expect(deletedFlagJsonSchema.parse(deleted.body)).toMatchObject({ key: "api-colors", overridesDeleted: 2 });
  });
});
