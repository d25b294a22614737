/**
 * Our SDK endpoints served over real HTTP by the fast path's node adapter, driven by OpenFeature's own
 * server SDK with its OFREP provider (no SDK of ours), and the OFREP event stream read as a browser
 * would: the values are DESIGN §5's, and a flag change is announced within a second.
 */
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { OFREPProvider } from "@openfeature/ofrep-provider";
import { OpenFeature } from "@openfeature/server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hash } from "@/core/assignment/hash";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { FlagDefinitionsCache } from "../../../cache/flag-definitions";
import { changeFlagStatus } from "../../../services/flags/change-flag-status";
import { createFlag } from "../../../services/flags/create-flag";
import { booleanFlag, colorFlag } from "../../../services/flags/flag-fixtures";
import { upsertOverride } from "../../../services/flags/upsert-override";
import { systemContext } from "../../../services/testing";
import { corsPreflight } from "../../cors";
import { endOpenStreams, serveFromNode } from "../../node-adapter";
import type { ApiHandler } from "../../types";
import { mintKeys, type TestKeys } from "../experiments/endpoint-test-kit";
import { flagEvaluationHandler } from "../flag-evaluation";
import { sdkConfigHandler } from "../sdk-config";
import { ofrepBulkHandler, ofrepEventsHandler, ofrepFlagHandler } from "./ofrep-endpoints";
import { ofrepValidators } from "./ofrep-spec";

const PORT = 3343;
const BASE = `http://127.0.0.1:${PORT}`;
let h: DatabaseHandle;
let keys: TestKeys;
let server: Server;
const spec = ofrepValidators();

beforeAll(async () => {
  h = await createTestDatabase();
  keys = await mintKeys(h);
  const ctx = systemContext(h.db);
  await createFlag(ctx, booleanFlag("checkout"));
  await createFlag(ctx, colorFlag("theme", { rolloutPercentage: 50, targetingRules: [{ id: "fr", condition: { country: "FR" }, serve: "blue" }] }));
  await createFlag(ctx, { key: "banner-text", name: "Banner", status: "ACTIVE", rolloutPercentage: 100, variants: [{ key: "short", value: "Hi", weight: 50 }, { key: "long", value: "Hello there", weight: 50 }] });
  await createFlag(ctx, { key: "max-items", name: "Max items", status: "ACTIVE", rolloutPercentage: 100, variants: [{ key: "few", value: 5, weight: 50 }, { key: "many", value: 50, weight: 50 }] });
  await upsertOverride(ctx, { flag: { key: "checkout" }, userId: "vip", value: true, reason: "support ticket" });

  const cache = new FlagDefinitionsCache();
  const deps = { database: async () => h, cache: () => cache };
  const routes: Record<string, ApiHandler> = {
    "POST /ofrep/v1/evaluate/flags": ofrepBulkHandler(deps),
    "GET /ofrep/v1/events": ofrepEventsHandler({ ...deps, heartbeatMs: 200 }),
    "POST /api/v1/flags/evaluate": flagEvaluationHandler(deps),
    "GET /api/v1/sdk/config": sdkConfigHandler(deps),
  };
  const single = ofrepFlagHandler(deps);
  const preflight = corsPreflight();
  server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const flag = /^\/ofrep\/v1\/evaluate\/flags\/([^/]+)$/.exec(path);
    if (req.method === "OPTIONS") return void serveFromNode(preflight, req, res, {});
    if (flag && req.method === "POST") return void serveFromNode(single, req, res, { key: decodeURIComponent(flag[1] ?? "") });
    const handler = routes[`${req.method} ${path}`];
    if (handler) return void serveFromNode(handler, req, res, {});
    res.writeHead(404).end();
  });
  server.listen(PORT, "127.0.0.1");
  await once(server, "listening");
  await OpenFeature.setProviderAndWait(new OFREPProvider({ baseUrl: BASE, headers: [["Authorization", `Bearer ${keys.server}`]] }));
});

afterAll(async () => {
  await OpenFeature.close();
  endOpenStreams();
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

const userWhere = (seed: string, test: (b: number) => boolean) => {
  for (let i = 0; ; i++) if (test(hash(seed, `user-${i}`))) return `user-${i}`;
};

describe("the OpenFeature server SDK through OFREP", () => {
  const client = () => OpenFeature.getClient();

  it("gets DESIGN §5's boolean values and reasons", async () => {
    const inside = userWhere("checkout", (b) => b < 0.25);
    const outside = userWhere("checkout", (b) => b >= 0.25);
    expect(await client().getBooleanDetails("checkout", false, { targetingKey: outside, plan: "beta" })).toMatchObject({ value: true, reason: "TARGETING_MATCH", variant: "on" });
    expect(await client().getBooleanDetails("checkout", false, { targetingKey: inside })).toMatchObject({ value: true, reason: "SPLIT", variant: "on" });
    expect(await client().getBooleanDetails("checkout", true, { targetingKey: outside })).toMatchObject({ value: false, variant: "off", flagMetadata: { reason: "DEFAULT" } });
    expect(await client().getBooleanDetails("checkout", false, { targetingKey: "vip" })).toMatchObject({ value: true, reason: "TARGETING_MATCH", flagMetadata: { override: true } });
  });

  it("gets multivariate values of each type, by the weights' ranges", async () => {
    const short = userWhere("banner-text/variant", (b) => b < 0.5);
    const long = userWhere("banner-text/variant", (b) => b >= 0.5);
    expect(await client().getStringDetails("banner-text", "default", { targetingKey: short })).toMatchObject({ value: "Hi", variant: "short", reason: "SPLIT" });
    expect(await client().getStringDetails("banner-text", "default", { targetingKey: long })).toMatchObject({ value: "Hello there", variant: "long" });
    const many = userWhere("max-items/variant", (b) => b >= 0.5);
    expect(await client().getNumberValue("max-items", 0, { targetingKey: many })).toBe(50);
    expect(await client().getObjectDetails("theme", {}, { targetingKey: "anyone", country: "FR" })).toMatchObject({ value: { hex: "#00f" }, variant: "blue", reason: "TARGETING_MATCH" });
  });

  it("falls back to the caller's default where the flag gives no value, and for unknown flags", async () => {
    const offUser = userWhere("theme", (b) => b >= 0.5);
    expect(await client().getObjectValue("theme", { hex: "default" }, { targetingKey: offUser })).toEqual({ hex: "default" });
    expect(await client().getBooleanDetails("no-such-flag", true, { targetingKey: "u" })).toMatchObject({ value: true, reason: "ERROR", errorCode: "FLAG_NOT_FOUND" });
    expect(await client().getBooleanDetails("checkout", true, {})).toMatchObject({ value: true, reason: "ERROR", errorCode: "TARGETING_KEY_MISSING" });
  });
});

/** Reads an SSE stream: its raw text so far, and a way to wait for a line. */
async function openStream(url: string) {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal, headers: { origin: "https://app.example" } });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  const waitFor = async (pattern: RegExp, ms: number) => {
    const deadline = Date.now() + ms;
    while (!pattern.test(text)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${pattern} within ${ms} ms; got:\n${text}`);
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
      if (chunk && !chunk.done) text += chunk.value;
    }
    return pattern.exec(text)!;
  };
  return { response, waitFor, close: () => controller.abort(), text: () => text };
}

describe("the OFREP event stream", () => {
  it("announces refetchEvaluation with the new version within a second of a flag change, with heartbeats", async () => {
    const bulk = await fetch(`${BASE}/ofrep/v1/evaluate/flags`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", authorization: `Bearer ${keys.client}` },
      body: JSON.stringify({ context: { targetingKey: "user-1" } }),
    });
    const answer = (await bulk.json()) as { eventStreams: Array<{ url: string }>; metadata: { version: string } };
    expect(spec.bulkEvaluationSuccess(answer)).toEqual([]);
    const stream = await openStream(answer.eventStreams[0]!.url);
    try {
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
      expect(stream.response.headers.get("access-control-allow-origin")).toBe("*");
      await stream.waitFor(/: heartbeat\n\n/, 2_000);
      expect(stream.text()).not.toMatch(/refetchEvaluation/);

      const changed = Date.now();
      await changeFlagStatus(systemContext(h.db), { flag: { key: "checkout" }, status: "INACTIVE" });
      const match = await stream.waitFor(/data: (.+)\n\n/, 1_000);
      expect(Date.now() - changed).toBeLessThan(1_000);
      const event = JSON.parse(match[1]!) as { type: string; etag: string };
      expect(spec.sseEventData(event)).toEqual([]);
      expect(event.type).toBe("refetchEvaluation");
      expect(event.etag).not.toBe(answer.metadata.version);

      const refetched = await fetch(`${BASE}/ofrep/v1/evaluate/flags?flagConfigEtag=${event.etag}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${keys.client}`, "if-none-match": bulk.headers.get("etag") ?? "" },
        body: JSON.stringify({ context: { targetingKey: "user-1" } }),
      });
      expect(refetched.status).toBe(200);
      expect(((await refetched.json()) as { metadata: { version: string } }).metadata.version).toBe(event.etag);
    } finally {
      stream.close();
      await changeFlagStatus(systemContext(h.db), { flag: { key: "checkout" }, status: "ACTIVE" });
    }
  });

  it("announces a change made before it connected, from the version in its URL", async () => {
    const stream = await openStream(`${BASE}/ofrep/v1/events?version=an-old-version&key=${keys.client}`);
    try {
      expect(JSON.parse((await stream.waitFor(/data: (.+)\n\n/, 1_000))[1]!)).toMatchObject({ type: "refetchEvaluation" });
    } finally {
      stream.close();
    }
  });

  it("needs a key", async () => {
    const response = await fetch(`${BASE}/ofrep/v1/events`);
    expect(response.status).toBe(401);
  });
});

describe("flags/evaluate, sdk/config and CORS", () => {
  it("POST /api/v1/flags/evaluate answers {enabled, value, variant, reason} per flag, null for no value", async () => {
    const offUser = userWhere("theme", (b) => b >= 0.5);
    const response = await fetch(`${BASE}/api/v1/flags/evaluate`, {
      method: "POST",
      headers: { authorization: `Bearer ${keys.client}` },
      body: JSON.stringify({ userId: offUser, flags: ["theme", "nope"] }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      flags: {
        theme: { enabled: false, value: null, variant: null, reason: "DEFAULT" },
        nope: { enabled: false, value: null, variant: null, reason: "ERROR", errorCode: "FLAG_NOT_FOUND" },
      },
    });
    const bad = await fetch(`${BASE}/api/v1/flags/evaluate`, { method: "POST", headers: { authorization: `Bearer ${keys.client}` }, body: "{" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("invalid_json");
  });

  it("GET /api/v1/sdk/config: server keys only, with an ETag honoured by If-None-Match", async () => {
    expect((await fetch(`${BASE}/api/v1/sdk/config`, { headers: { authorization: `Bearer ${keys.client}` } })).status).toBe(403);
    const response = await fetch(`${BASE}/api/v1/sdk/config`, { headers: { authorization: `Bearer ${keys.server}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { flags: Array<{ key: string; overrides: unknown[] }>; experiments: unknown[] };
    expect(body.flags.map((f) => f.key).sort()).toEqual(["banner-text", "checkout", "max-items", "theme"]);
    expect(body.flags.find((f) => f.key === "checkout")?.overrides).toEqual([{ userId: "vip", value: true, expiresAt: null }]);
    const again = await fetch(`${BASE}/api/v1/sdk/config`, { headers: { authorization: `Bearer ${keys.server}`, "if-none-match": response.headers.get("etag") ?? "" } });
    expect(again.status).toBe(304);
  });

  it("answers preflights from any origin by default", async () => {
    const response = await fetch(`${BASE}/ofrep/v1/evaluate/flags`, {
      method: "OPTIONS",
      headers: { origin: "https://app.example", "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
  });
});
