import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { apiKeys, auditLog } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Forbidden, Invalid, NotFound } from "../../errors";
import { withApiKey } from "../../api/with-api-key";
import { contextWith, systemContext } from "../testing";
import { createApiKey } from "./create-api-key";
import { revokeApiKey } from "./revoke-api-key";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

describe("revokeApiKey", () => {
  it("revokes once, audits as api_key (the key caches' notice), and answers the same again", async () => {
    const key = await createApiKey(systemContext(h.db), { name: "ci", type: "server" });
    const first = await revokeApiKey(systemContext(h.db), { id: key.id });
    const again = await revokeApiKey(systemContext(h.db), { id: key.id });
    expect(again.revokedAt.getTime()).toBe(first.revokedAt.getTime());
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, "api_key.revoke"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "api_key", entityId: key.id, before: { revokedAt: null } });
  });

  it("needs api_key:delete, and refuses unknown and malformed ids", async () => {
    const key = await createApiKey(systemContext(h.db), { name: "web", type: "client" });
    await expect(revokeApiKey(contextWith(h.db, ["api_key:read", "api_key:create"]), { id: key.id })).rejects.toThrow(Forbidden);
    await expect(revokeApiKey(systemContext(h.db), { id: "00000000-0000-4000-8000-000000000000" })).rejects.toThrow(NotFound);
    await expect(revokeApiKey(systemContext(h.db), { id: "nope" })).rejects.toThrow(Invalid);
    const [row] = await h.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row?.revokedAt).toBeNull();
  });
});

describe("expired and revoked keys", () => {
  const endpoint = () => withApiKey(["client", "server", "admin"], async () => ({ status: 200, body: { ok: true } }), async () => h);
  const callWith = (key: string) =>
    endpoint()({ method: "GET", url: new URL("http://localhost/x"), headers: { get: (n) => (n.toLowerCase() === "authorization" ? `Bearer ${key}` : null) }, params: {}, body: undefined });

  it("are refused with a message saying which", async () => {
    const live = await createApiKey(systemContext(h.db), { name: "temp", type: "client", expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await callWith(live.key)).status).toBe(200);
    // An expiry behind us, set directly (the schema refuses a past expiry at creation).
    const fresh = await createApiKey(systemContext(h.db), { name: "old", type: "server", expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    await h.db.update(apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKeys.id, fresh.id));
    expect(await callWith(fresh.key)).toMatchObject({ status: 401, body: { error: { code: "unauthenticated", message: "This API key has expired." } } });
    const revoked = await createApiKey(systemContext(h.db), { name: "gone", type: "client" });
    await revokeApiKey(systemContext(h.db), { id: revoked.id });
    expect(await callWith(revoked.key)).toMatchObject({ status: 401, body: { error: { message: "This API key has been revoked." } } });
  });
});
