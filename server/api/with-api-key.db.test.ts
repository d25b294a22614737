import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { announceChange } from "../cache/change-feed";
import { createApiKey } from "../services/api-keys/create-api-key";
import { systemContext } from "../services/testing";
import type { ApiRequest } from "./types";
import { withAdminKeyOrSession, withApiKey } from "./with-api-key";

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

describe("withApiKey in the turn a request arrives", () => {
  const answers = withApiKey(["client"], (ctx) => ({ status: 200, body: { key: ctx.key.name } }), () => h);
  const fails = withApiKey(["client"], () => {
    throw new Error("a bug in the handler");
  }, () => h);

  it("answers at once, not with a promise, once the database is open and the key is in memory", async () => {
    const { key } = await createApiKey(systemContext(h.db), { name: "sdk", type: "client" });
    const first = answers(request({ "x-api-key": key }));
    // Never seen before: the key is read from the database first.
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toEqual({ status: 200, body: { key: "sdk" } });
    // On PostgreSQL the notice of the key's creation may still arrive and empty the cache once.
    await expect.poll(() => answers(request({ "x-api-key": key })) instanceof Promise, { timeout: 2000 }).toBe(false);
    expect(answers(request({ "x-api-key": key }))).toEqual({ status: 200, body: { key: "sdk" } });
    expect(fails(request({ "x-api-key": key }))).toMatchObject({ status: 500, body: { error: { code: "internal" } } });
  });

  it("refuses at once what the database would refuse: an unknown key once read, a revoked one, a missing one", async () => {
    const { key } = await createApiKey(systemContext(h.db), { name: "to revoke", type: "client" });
    expect(await answers(request({ "x-api-key": key }))).toMatchObject({ status: 200 });
    await expect.poll(() => answers(request({ "x-api-key": key })) instanceof Promise, { timeout: 2000 }).toBe(false);
    await h.db.transaction(async (tx) => {
      await tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.name, "to revoke"));
      await announceChange(tx, "api_key");
    });
    const revoked = { status: 401, body: { error: { code: "unauthenticated", message: "This API key has been revoked." } } };
    await expect.poll(async () => answers(request({ "x-api-key": key })), { timeout: 2000 }).toEqual(revoked);
    expect(answers(request({ "x-api-key": key }))).toEqual(revoked);
    const unknown = request({ "x-api-key": "exp_client_unknown" });
    expect(await answers(unknown)).toMatchObject({ status: 401, body: { error: { message: "Invalid API key." } } });
    await expect.poll(() => answers(unknown) instanceof Promise, { timeout: 2000 }).toBe(false);
    expect(answers(unknown)).toMatchObject({ status: 401, body: { error: { message: "Invalid API key." } } });
    expect(answers(request({}))).toMatchObject({ status: 401, body: { error: { message: expect.stringMatching(/^Missing API key/) } } });
  });
});

describe("dashboard-session writes", () => {
  const reader = { kind: "user" as const, id: null, label: "someone", isSuperuser: true, permissions: new Set<never>() };
  const echo = withAdminKeyOrSession(async () => ({ status: 200, body: { ok: true } }), async () => reader, async () => h);
  const request = (method: string, headers: Record<string, string>) =>
    echo({ method, url: new URL("http://app.example/api/v1/users"), headers: { get: (n) => headers[n.toLowerCase()] ?? null }, params: {}, body: {} });

  it("refuses a write from another site, or without an Origin, before reading the session", async () => {
    for (const headers of <Record<string, string>[]>[
      { host: "app.example", origin: "https://evil.example", "content-type": "application/json" },
      { host: "app.example", "content-type": "application/json" },
      { host: "app.example", origin: "null", "content-type": "application/json" },
      { host: "app.example", origin: "http://app.example", "sec-fetch-site": "cross-site", "content-type": "application/json" },
    ]) {
      expect(await request("POST", headers)).toMatchObject({ status: 403, body: { error: { code: "forbidden", message: expect.stringMatching(/Cross-site request refused/) } } });
    }
  });

  it("requires application/json for writes with a body, and lets reads and same-site JSON writes through", async () => {
    const same = { host: "app.example", origin: "http://app.example" };
    expect(await request("PATCH", { ...same, "content-type": "text/plain" })).toMatchObject({ status: 415, body: { error: { code: "unsupported_media_type" } } });
    expect(await request("POST", { ...same, "content-type": "application/x-www-form-urlencoded" })).toMatchObject({ status: 415 });
    expect(await request("POST", { ...same, "content-type": "application/json; charset=utf-8" })).toEqual({ status: 200, body: { ok: true } });
    expect(await request("DELETE", same)).toEqual({ status: 200, body: { ok: true } });
    expect(await request("GET", {})).toEqual({ status: 200, body: { ok: true } });
  });
});
