/** For the endpoint tests: real API keys of each kind, and requests to a management endpoint as a transport would send them. */
import { count } from "drizzle-orm";
import type { Actor } from "@/core/permissions/permissions";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, experiments, metrics, variants } from "@/db/schema";
import { createApiKey } from "../../../services/api-keys/create-api-key";
import { systemContext } from "../../../services/testing";
import type { ApiResponse } from "../../types";
import type { ManagementEndpoint } from "./management-endpoint";

export interface TestKeys {
  /** An admin key bound to the `admin` role. */
  admin: string;
  /** An admin key bound to the read-only `viewer` role. */
  viewer: string;
  client: string;
  server: string;
}

export async function mintKeys(h: DatabaseHandle): Promise<TestKeys> {
  const ctx = systemContext(h.db);
  const [admin, viewer, client, server] = await Promise.all([
    createApiKey(ctx, { name: "ops", type: "admin", role: "admin" }),
    createApiKey(ctx, { name: "auditor", type: "admin", role: "viewer" }),
    createApiKey(ctx, { name: "browser", type: "client" }),
    createApiKey(ctx, { name: "backend", type: "server" }),
  ]);
  return { admin: admin.key, viewer: viewer.key, client: client.key, server: server.key };
}

export interface CallOptions {
  key?: string;
  /** Values for the path's `{placeholders}`. */
  params?: Record<string, string>;
  /** A query string, without the `?`. */
  query?: string;
  body?: unknown;
  /** The dashboard session's user when no key is sent; none by default. */
  session?: Actor | null;
  /** Request headers; by default those a browser on our own pages sends (Origin, JSON content type). */
  headers?: Record<string, string>;
}

/** What a browser sends with a fetch from the app's own pages. */
export const SAME_ORIGIN_HEADERS: Readonly<Record<string, string>> = { host: "localhost", origin: "http://localhost", "content-type": "application/json" };

/** Calls the endpoint's transport-free handler the way the Next adapter and the fast path do. */
export async function call(h: DatabaseHandle, endpoint: ManagementEndpoint, options: CallOptions = {}): Promise<ApiResponse> {
  const params = options.params ?? {};
  const path = endpoint.doc.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  const headers: Record<string, string> = { ...(options.headers ?? SAME_ORIGIN_HEADERS), ...(options.key ? { authorization: `Bearer ${options.key}` } : {}) };
  const handler = endpoint.handler({ database: async () => h, sessionActor: async () => options.session ?? null });
  return handler({
    method: endpoint.doc.method,
    url: new URL(`http://localhost${path}${options.query ? `?${options.query}` : ""}`),
    headers: { get: (name) => headers[name.toLowerCase()] ?? null },
    params,
    body: options.body,
  });
}

/** Row counts of everything an experiment write touches, to show a refused request wrote nothing. */
export async function writtenRows(h: DatabaseHandle): Promise<Record<string, number>> {
  const tables = { experiments, variants, metrics, auditLog };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => {
      const [row] = await h.db.select({ n: count() }).from(table);
      return [name, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(entries);
}
