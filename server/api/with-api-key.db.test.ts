import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { announceChange } from "../cache/change-feed";
import { createApiKey } from "../services/api-keys/create-api-key";
import { systemContext } from "../services/testing";
import type { ApiRequest } from "./types";
import { withApiKey } from "./with-api-key";

let h: DatabaseHandle;
let clientKey: string;
let adminKey: string;
beforeAll(async () => {
  h = await createTestDatabase();
  clientKey = (await createApiKey(systemContext(h.db), { name: "browser", type: "client" })).key;
  adminKey = (await createApiKey(systemContext(h.db), { name: "ops", type: "admin", role: "viewer" })).key;
});
afterAll(() => h.close());

const request = (headers: Record<string, string>): ApiRequest => ({
  method: "POST",
  url: new URL("http://localhost/api/v1/test"),
  headers: { get: (name) => headers[name.toLowerCase()] ?? null },
  params: {},
  body: undefined,
});

// Echoes who the wrapper let in, so each case shows what the handler would have seen.
const echo = withApiKey(["client", "server"], async (ctx) => ({ status: 200, body: { key: ctx.key.name, actor: ctx.actor.label, canTrack: ctx.actor.permissions.has("event:create") } }), async () => h);
const adminOnly = withApiKey(["admin"], async (ctx) => ({ status: 200, body: { permissions: [...ctx.actor.permissions].sort() } }), async () => h);

describe("withApiKey", () => {
  it("accepts a key as a Bearer token or X-API-Key", async () => {
    expect(await echo(request({ authorization: `Bearer ${clientKey}` }))).toEqual({ status: 200, body: { key: "browser", actor: 'API key "browser"', canTrack: true } });
    expect((await echo(request({ "x-api-key": clientKey }))).status).toBe(200);
  });

  it("answers 401 in the error shape for a missing or unknown key", async () => {
    expect(await echo(request({}))).toEqual({
      status: 401,
      body: { error: { code: "unauthenticated", message: "Missing API key: send `Authorization: Bearer <key>` or `X-API-Key: <key>`." } },
    });
    expect(await echo(request({ authorization: "Bearer exp_client_nope" }))).toMatchObject({ status: 401, body: { error: { message: "Invalid API key." } } });
  });

  it("answers 403 when the key's type may not use the endpoint", async () => {
    expect(await adminOnly(request({ authorization: `Bearer ${clientKey}` }))).toEqual({
      status: 403,
      body: { error: { code: "forbidden", message: "This endpoint needs an admin key; this is a client key." } },
    });
  });

  it("gives admin keys exactly their role's permissions", async () => {
    expect(await adminOnly(request({ authorization: `Bearer ${adminKey}` }))).toEqual({
      status: 200,
      body: { permissions: ["event:read", "experiment:read", "feature_flag:read", "user:read"] },
    });
  });

  it("stops accepting a revoked key once the change is announced, though the key was cached", async () => {
    expect((await echo(request({ "x-api-key": clientKey }))).status).toBe(200);
    await h.db.transaction(async (tx) => {
      await tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.name, "browser"));
      await announceChange(tx, "api_key");
    });
    await expect.poll(async () => (await echo(request({ "x-api-key": clientKey }))).body, { timeout: 2000 }).toEqual({
      error: { code: "unauthenticated", message: "This API key has been revoked." },
    });
  });
});
