/**
 * The permission proof for the HTTP API (issue 8): every operation of the OpenAPI document, called
 * through its route file as Next serves it, without credentials, with a bogus key, with client and
 * server keys, and as a viewer and an experimenter (by admin key and by dashboard session). Where the
 * caller lacks the right the answer is 401 or 403 and the database is unchanged, row for row.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Action, type Actor, type Resource, can } from "@/core/permissions/permissions";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { createApiKey } from "../services/api-keys/create-api-key";
import { loadSignedInUser } from "../services/auth/load-actor";
import { createExperiment } from "../services/experiments/create-experiment";
import { createFlag } from "../services/flags/create-flag";
import { booleanFlag } from "../services/flags/flag-fixtures";
import { upsertOverride } from "../services/flags/upsert-override";
import { readyExperiment } from "../services/experiments/experiment-fixtures";
import { createRole } from "../services/roles/create-role";
import { systemContext } from "../services/testing";
import { createUser } from "../services/users/create-user";
import { databaseFingerprint } from "../testing/database-fingerprint";
import { openApiDocument } from "./openapi/openapi-document";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth/session", () => ({ getCurrentUser: async () => (session.actor ? { actor: session.actor } : null) }));

const root = fileURLToPath(new URL("../../", import.meta.url));
type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The resource each management path names, for the permission a call needs. */
const RESOURCES: Record<string, Resource> = {
  experiments: "experiment",
  flags: "feature_flag",
  events: "event",
  users: "user",
  roles: "role",
  "api-keys": "api_key",
  "audit-log": "audit_log",
};

/** Computations on posted statistics: they read, whatever the method (any key that may read experiments). */
const POSTED_READS: Record<string, Resource> = { analysis: "experiment", power: "experiment" };

/**
 * The permission a management operation needs: read for GET; on a collection POST creates; on an item
 * PATCH updates and DELETE deletes; anything below an item (variants, status, password) updates it.
 */
function requiredPermission(path: string, method: string): [Resource, Action] {
  const segments = path.replace(/^\/api\/v1\//, "").split("/");
  const computed = POSTED_READS[segments[0] ?? ""];
  if (computed) return [computed, "read"];
  const resource = RESOURCES[segments[0] ?? ""];
  if (!resource) throw new Error(`No resource known for ${path}: add its first segment to RESOURCES in this test.`);
  if (method === "GET") return [resource, "read"];
  if (segments.length === 1) return [resource, "create"];
  if (segments.length === 2) return [resource, method === "DELETE" ? "delete" : "update"];
  return [resource, "update"];
}

let h: DatabaseHandle;
const values: Record<string, string> = {};
const keys: Record<string, string> = {};
const sessions: Record<string, Actor> = {};

async function actorOf(username: string): Promise<Actor> {
  const { users } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const [row] = await h.db.select().from(users).where(eq(users.username, username));
  const user = row ? await loadSignedInUser(h.db, row.id, row.sessionVersion) : null;
  if (!user) throw new Error(username);
  return user.actor;
}

beforeAll(async () => {
  h = await createTestDatabase();
  // The route files open the app's database through getDatabaseHandle(); give them this one.
  Reflect.set(globalThis, Symbol.for("experimentation.database"), Promise.resolve(h));
  const sys = systemContext(h.db);
  const password = "a long enough password";
  await createUser(sys, { username: "vic", email: "vic@example.com", password, roles: ["viewer"] });
  await createUser(sys, { username: "eli", email: "eli@example.com", password, roles: ["experimenter"] });
  const target = await createUser(sys, { username: "target", email: "target@example.com", password, roles: ["viewer"] });
  // A bandit, so that the bandit's own endpoints answer as well as every experiment endpoint.
  const experiment = await createExperiment(sys, readyExperiment("guarded", { experimentType: "BANDIT" }));
  await createRole(sys, { name: "custom", permissions: ["experiment:read"] });
  // Flag paths use the same {key}: a flag of that key, with an override for {userId}.
  await createFlag(sys, booleanFlag("guarded"));
  await upsertOverride(sys, { flag: { key: "guarded" }, userId: "user-1", value: true });
  const [client, server, viewerKey, experimenterKey] = await Promise.all([
    createApiKey(sys, { name: "web", type: "client" }),
    createApiKey(sys, { name: "backend", type: "server" }),
    createApiKey(sys, { name: "auditor", type: "admin", role: "viewer" }),
    createApiKey(sys, { name: "pipeline", type: "admin", role: "experimenter" }),
  ]);
  Object.assign(keys, { client: client.key, server: server.key, viewer: viewerKey.key, experimenter: experimenterKey.key });
  Object.assign(values, {
    key: "guarded",
    experimentKey: "guarded",
    variantId: experiment.variants[1]?.id,
    metricId: experiment.metricDefinitions[0]?.id,
    user: target.username,
    userId: "user-1",
    name: "custom",
    id: client.id,
  });
  sessions.viewer = await actorOf("vic");
  sessions.experimenter = await actorOf("eli");
});
afterAll(async () => {
  Reflect.deleteProperty(globalThis, Symbol.for("experimentation.database"));
  await h.close();
});

interface Operation {
  path: string;
  method: string;
  security: string[];
}

const operations: Operation[] = Object.entries(openApiDocument().paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({
    path,
    method: method.toUpperCase(),
    security: (operation as { security?: Record<string, string[]>[] }).security?.flatMap((s) => Object.keys(s)) ?? [],
  })),
);
const guarded = operations.filter((o) => o.security.length > 0);
const label = (o: Operation) => `${o.method} ${o.path}`;

async function call(operation: Operation, caller: { key?: string; session?: Actor }): Promise<Response> {
  const params: Record<string, string> = {};
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for {${name}} in ${operation.path}: add one to this test.`);
    params[name] = value;
    return encodeURIComponent(value);
  });
  const file = join(root, "app", operation.path.replace(/\{([^}]+)\}/g, "[$1]"), "route.ts");
  if (!existsSync(file)) throw new Error(`${label(operation)} is documented but has no route file ${file}`);
  const route = (await import(file)) as Record<string, RouteHandler>;
  const handler = route[operation.method];
  if (!handler) throw new Error(`${file} does not export ${operation.method}`);
  const headers: Record<string, string> = { host: "localhost", origin: "http://localhost", "content-type": "application/json" };
  if (caller.key) headers.authorization = `Bearer ${caller.key}`;
  session.actor = caller.session ?? null;
  try {
    const hasBody = operation.method !== "GET" && operation.method !== "DELETE";
    const request = new Request(`http://localhost${path}`, { method: operation.method, headers, body: hasBody ? "{}" : undefined });
    return await handler(request, { params: Promise.resolve(params) });
  } finally {
    session.actor = null;
  }
}

async function expectRefused(operation: Operation, caller: { key?: string; session?: Actor }, status: 401 | 403): Promise<void> {
  const before = await databaseFingerprint(h.db);
  const response = await call(operation, caller);
  expect(response.status, label(operation)).toBe(status);
  const body = (await response.json()) as { error?: { code?: string } };
  expect(body.error?.code).toBe(status === 401 ? "unauthenticated" : "forbidden");
  expect(await databaseFingerprint(h.db)).toEqual(before);
}

const may = (actor: Pick<Actor, "isSuperuser" | "permissions">, operation: Operation) => {
  const [resource, action] = requiredPermission(operation.path, operation.method);
  return can({ kind: "user", id: null, label: "", ...actor }, resource, action);
};

describe("every API operation refuses callers without the right, changing nothing", () => {
  it("covers the document's operations, each with a route file", () => {
    expect(guarded.length).toBeGreaterThanOrEqual(30);
    for (const o of operations) expect(existsSync(join(root, "app", o.path.replace(/\{([^}]+)\}/g, "[$1]"), "route.ts")), label(o)).toBe(true);
  });

  it.each(guarded.map((o) => [label(o), o] as const))("%s: 401 anonymously and with a bogus key", async (_, operation) => {
    await expectRefused(operation, {}, 401);
    await expectRefused(operation, { key: "exp_admin_bogusbogusbogusbogusbogusbogusbogusbogus123" }, 401);
  });

  it.each(guarded.map((o) => [label(o), o] as const))("%s: client and server keys only where the document allows them", async (_, operation) => {
    for (const type of ["client", "server"] as const) {
      const allowed = operation.security.includes(`${type}Key`);
      if (allowed) expect([401, 403]).not.toContain((await call(operation, { key: keys[type] })).status);
      else await expectRefused(operation, { key: keys[type] }, 403);
    }
  });

  for (const role of ["viewer", "experimenter"] as const) {
    const management = guarded.filter((o) => o.security.includes("session"));
    it.each(management.map((o) => [label(o), o] as const))(`%s: the ${role} role, by admin key and by session`, async (_, operation) => {
      const actor = sessions[role];
      if (!actor) throw new Error(role);
      if (may(actor, operation)) {
        // Allowed: reads must answer; writes are not sent (they would change the fixtures).
        if (operation.method === "GET") {
          expect((await call(operation, { key: keys[role] })).status, label(operation)).toBe(200);
          expect((await call(operation, { session: actor })).status, label(operation)).toBe(200);
        }
        return;
      }
      await expectRefused(operation, { key: keys[role] }, 403);
      await expectRefused(operation, { session: actor }, 403);
    });
  }

  it("SDK operations take no dashboard session", async () => {
    for (const operation of guarded.filter((o) => !o.security.includes("session"))) {
      await expectRefused(operation, { session: sessions.viewer }, 401);
    }
  });
});
