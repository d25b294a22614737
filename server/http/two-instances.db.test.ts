import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { permissions, rolePermissions, roles } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { createApiKey } from "../services/api-keys/create-api-key";
import { changeExperimentStatus } from "../services/experiments/change-experiment-status";
import { createExperiment } from "../services/experiments/create-experiment";
import { readyExperiment } from "../services/experiments/experiment-fixtures";
import { systemContext } from "../services/testing";
import type { InstanceCommand } from "./test-instance";

/** DESIGN §3: what changes through one instance is served by every other within a second. */
const WITHIN_MS = 1_000;

interface Instance {
  base: string;
  apply(command: InstanceCommand): Promise<void>;
  stop(): Promise<void>;
}

async function startInstance(url: string): Promise<Instance> {
  const script = fileURLToPath(new URL("./test-instance.ts", import.meta.url));
  const child: ChildProcess = fork(script, [url], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const { port } = await new Promise<{ port: number }>((resolve, reject) => {
    child.once("message", (m) => resolve(m as { port: number }));
    child.once("exit", (code) => reject(new Error(`instance exited (${code}) before listening`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    apply: (command) =>
      new Promise((resolve, reject) => {
        child.once("message", (m: { done?: string; failed?: string }) => (m.failed ? reject(new Error(m.failed)) : resolve()));
        child.send(command);
      }),
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send({ change: "stop" } satisfies InstanceCommand);
      await exited;
    },
  };
}

/** Polls until `done` holds, and answers how long after `since` it first did (or fails past the limit). */
async function msUntil(since: number, done: () => Promise<boolean>): Promise<number> {
  while (performance.now() - since < 5 * WITHIN_MS) {
    if (await done()) return performance.now() - since;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the change was never served");
}

const sharedServer = process.env.TEST_DATABASE_URL;

// Several instances share a database only on PostgreSQL: an embedded PGlite belongs to one process
// (DESIGN §3), so this runs in the PostgreSQL tier (`TEST_DATABASE_URL`, as CI's second pass sets it).
describe.runIf(sharedServer)("two app instances on one PostgreSQL", () => {
  let close: () => Promise<void>;
  let a: Instance;
  let b: Instance;
  const keys = { client: { id: "", key: "" }, other: "", admin: "" };

  beforeAll(async () => {
    const h = await createTestDatabase();
    close = () => h.close();
    if (!h.url) throw new Error("expected a PostgreSQL test database");
    const ctx = systemContext(h.db);
    await createExperiment(ctx, readyExperiment("shared"));
    await changeExperimentStatus(ctx, { experiment: { key: "shared" }, status: "ACTIVE" });
    const [role] = await h.db.insert(roles).values({ name: "reporter", description: "Reads experiments" }).returning({ id: roles.id });
    const [read] = await h.db.select({ id: permissions.id }).from(permissions).where(eq(permissions.name, "experiment:read"));
    await h.db.insert(rolePermissions).values({ roleId: role!.id, permissionId: read!.id });
    const client = await createApiKey(ctx, { name: "web", type: "client" });
    keys.client = { id: client.id, key: client.key };
    keys.other = (await createApiKey(ctx, { name: "mobile", type: "client" })).key;
    keys.admin = (await createApiKey(ctx, { name: "reports", type: "admin", role: "reporter" })).key;
    [a, b] = await Promise.all([startInstance(h.url), startInstance(h.url)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await close?.();
  });

  const assign = (instance: Instance, key: string) =>
    fetch(`${instance.base}/api/v1/assignments`, { method: "POST", headers: { authorization: `Bearer ${key}` }, body: JSON.stringify({ userId: "u-1", experiments: ["shared"] }) });
  const listExperiments = (instance: Instance) => fetch(`${instance.base}/api/v1/experiments`, { headers: { authorization: `Bearer ${keys.admin}` } });

  it("serves a flag change made through one instance on the other within a second", async () => {
    const heard = async () => ((await (await fetch(`${b.base}/changes`)).json()) as { heard: string[] }).heard;
    expect(await heard()).not.toContain("feature_flag");
    await a.apply({ change: "flag" });
    expect(await msUntil(performance.now(), async () => (await heard()).includes("feature_flag"))).toBeLessThan(WITHIN_MS);
  });

  it("refuses on the other instance, within a second, a key revoked through one", async () => {
    // Both instances have the key cached.
    expect((await assign(a, keys.client.key)).status).toBe(200);
    expect((await assign(b, keys.client.key)).status).toBe(200);
    await a.apply({ change: "revoke-key", keyId: keys.client.id });
    const since = performance.now();
    expect(await msUntil(since, async () => (await assign(b, keys.client.key)).status === 401)).toBeLessThan(WITHIN_MS);
    expect(await (await assign(b, keys.client.key)).json()).toEqual({ error: { code: "unauthenticated", message: "This API key has been revoked." } });
    expect((await assign(b, keys.other)).status).toBe(200);
  });

  it("applies on the other instance, within a second, a role change made through one, to the admin keys of that role", async () => {
    expect((await listExperiments(a)).status).toBe(200);
    expect((await listExperiments(b)).status).toBe(200);
    await a.apply({ change: "remove-permission", role: "reporter", permission: "experiment:read" });
    expect(await msUntil(performance.now(), async () => (await listExperiments(b)).status === 403)).toBeLessThan(WITHIN_MS);
  });

  it("stops enrolling on the other instance, within a second, in an experiment paused through one", async () => {
    const reason = async () => ((await (await assign(b, keys.other)).json()) as { assignments: { reason: string }[] }).assignments[0]?.reason;
    expect(await reason()).not.toBe("NOT_ACTIVE");
    await a.apply({ change: "pause-experiment", key: "shared" });
    expect(await msUntil(performance.now(), async () => (await reason()) === "NOT_ACTIVE")).toBeLessThan(WITHIN_MS);
  });
});
