import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { apiKeys, auditLog } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { Forbidden, Invalid } from "../../errors";
import { contextWith, systemContext } from "../testing";
import { createApiKey } from "./create-api-key";
import { hashApiKey } from "./key-material";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

describe("createApiKey", () => {
  it("returns the key once and stores only its hash and prefix", async () => {
    const created = await createApiKey(systemContext(h.db), { name: "web sdk", type: "client" });
    expect(created.key).toMatch(/^exp_client_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const [row] = await h.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row?.keyHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(JSON.stringify(audit?.after)).not.toContain(created.key);
  });

  it("binds admin keys to a role, the admin role by default", async () => {
    expect((await createApiKey(systemContext(h.db), { name: "ops", type: "admin" })).role).toBe("admin");
    expect((await createApiKey(systemContext(h.db), { name: "ro", type: "admin", role: "viewer" })).role).toBe("viewer");
  });

  it("refuses bad input and writes nothing", async () => {
    const before = await h.db.$count(apiKeys);
    await expect(createApiKey(systemContext(h.db), { name: "x", type: "client", role: "admin" })).rejects.toThrow(Invalid);
    await expect(createApiKey(systemContext(h.db), { name: " ", type: "server" })).rejects.toThrow(/Give the key a name/);
    await expect(createApiKey(systemContext(h.db), { name: "x", type: "admin", role: "nope" })).rejects.toThrow(/Unknown role "nope"/);
    await expect(createApiKey(systemContext(h.db), { name: "x", type: "server", expiresAt: "2001-01-01" })).rejects.toThrow(/future/);
    expect(await h.db.$count(apiKeys)).toBe(before);
  });

  it("does not let anyone mint a key with permissions they lack", async () => {
    const experimenter = contextWith(h.db, ["api_key:create", "experiment:read", "experiment:create"]);
    await expect(createApiKey(experimenter, { name: "escalate", type: "admin", role: "admin" })).rejects.toThrow(Forbidden);
    await expect(createApiKey(contextWith(h.db, ["experiment:read"]), { name: "no", type: "client" })).rejects.toThrow(Forbidden);
  });
});
