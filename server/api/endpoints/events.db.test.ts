import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { events } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { createApiKey } from "../../services/api-keys/create-api-key";
import { createEventWriter, insertEventBatches, type NewEvent } from "../../services/events/insert-events";
import { changeExperimentStatus } from "../../services/experiments/change-experiment-status";
import { createExperiment } from "../../services/experiments/create-experiment";
import { readyExperiment } from "../../services/experiments/experiment-fixtures";
import { createFlag } from "../../services/flags/create-flag";
import { booleanFlag } from "../../services/flags/flag-fixtures";
import { createRole } from "../../services/roles/create-role";
import { systemContext } from "../../services/testing";
import { MAX_BODY_BYTES } from "../json-body";
import { serveFromNode } from "../node-adapter";
import { matchFastRoute } from "../routes";
import type { ApiRequest, ApiResponse } from "../types";
import { eventsHandler } from "./events";

let h: DatabaseHandle;
const keys: Record<"client" | "server" | "other" | "readOnly", { key: string; id: string }> = {} as never;
const database = async () => h;
const track = eventsHandler({ database });

beforeAll(async () => {
  h = await createTestDatabase();
  const ctx = systemContext(h.db);
  await createRole(ctx, { name: "reader", permissions: ["experiment:read"] });
  const [client, server, other, readOnly] = await Promise.all([
    createApiKey(ctx, { name: "web", type: "client" }),
    createApiKey(ctx, { name: "backend", type: "server" }),
    createApiKey(ctx, { name: "web 2", type: "client" }),
    createApiKey(ctx, { name: "reader", type: "admin", role: "reader" }),
  ]);
  Object.assign(keys, { client, server, other, readOnly });
  await createExperiment(ctx, readyExperiment("checkout"));
  await changeExperimentStatus(ctx, { experiment: { key: "checkout" }, status: "ACTIVE" });
  await createExperiment(ctx, readyExperiment("draft-only"));
  await createFlag(ctx, booleanFlag("new-nav"));
});
afterAll(() => h.close());

function post(body: unknown, key: string | null = keys.client.key, extra: Record<string, string> = {}): ApiRequest {
  const headers: Record<string, string> = { ...extra, ...(key ? { authorization: `Bearer ${key}` } : {}) };
  return { method: "POST", url: new URL("http://localhost/api/v1/events"), headers: { get: (n) => headers[n.toLowerCase()] ?? null }, params: {}, body };
}

type Answer = { accepted: number; duplicates: number; rejected: { index: number; error: string }[] };
async function send(body: unknown, handler = track, key?: string): Promise<Answer> {
  const response = await handler(post(body, key));
  expect(response.status, JSON.stringify(response.body)).toBe(202);
  return response.body as Answer;
}

const stored = async (where = sql`true`) => (await h.db.select({ n: count() }).from(events).where(where))[0]?.n ?? 0;
const ofUser = (userId: string) => eq(events.userId, userId);

describe("POST /api/v1/events", () => {
  it("stores the valid events, lists the invalid ones by index, and resolves keys to ids", async () => {
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const answer = await send({
      events: [
        { eventType: "purchase", userId: "alice", experiment: "checkout", variant: "treatment", value: 30, metadata: { cart: { items: 2 } }, id: "o-1", timestamp: anHourAgo },
        { eventType: "purchase", userId: "alice", experiment: "draft-only" },
        { eventType: "page_view", userId: "alice", featureFlag: "new-nav" },
        // Text PostgreSQL cannot store: refused here rather than failing the whole statement.
        { eventType: "page_view", userId: "alice", metadata: { note: "nul\u0000" } },
        { eventType: "page_view", userId: "alice", variant: "treatment" },
        { eventType: "", userId: "alice" },
      ],
    });
    expect(answer.accepted).toBe(2);
    expect(answer.duplicates).toBe(0);
    expect(answer.rejected).toEqual([
      { index: 1, error: 'experiment: no running experiment has the key "draft-only".' },
      { index: 3, error: "metadata holds text with a NUL character or an unpaired surrogate." },
      { index: 4, error: 'variant: "treatment" needs its experiment: send "experiment" too.' },
      { index: 5, error: "eventType must not be empty." },
    ]);
    const rows = await h.db.select().from(events).where(ofUser("alice")).orderBy(asc(events.eventType));
    expect(rows).toHaveLength(2);
    const [pageView, purchase] = rows;
    expect(pageView).toMatchObject({ eventType: "page_view", experimentId: null, variantId: null, clientEventId: null, source: keys.client.id });
    expect(pageView?.featureFlagId).toMatch(/^[0-9a-f-]{36}$/);
    expect(purchase).toMatchObject({ value: 30, eventMetadata: { cart: { items: 2 } }, clientEventId: "o-1", source: keys.client.id });
    expect(purchase?.createdAt.toISOString()).toBe(anHourAgo);
    expect(purchase?.experimentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(purchase?.variantId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("counts a retry's events as duplicates, also an id repeated within a request, per key", async () => {
    const body = { events: [{ eventType: "click", userId: "bob", id: "c-1" }, { eventType: "click", userId: "bob", id: "c-2" }, { eventType: "click", userId: "bob", id: "c-1" }] };
    expect(await send(body)).toEqual({ accepted: 2, duplicates: 1, rejected: [] });
    expect(await send(body)).toEqual({ accepted: 0, duplicates: 3, rejected: [] });
    // Ids are the sender's: another key's "c-1" is another event.
    expect(await send(body, track, keys.other.key)).toEqual({ accepted: 2, duplicates: 1, rejected: [] });
    expect(await stored(ofUser("bob"))).toBe(4);
  });

  it("never double counts across two app instances (two batchers) sending the same ids at once", async () => {
    const a = eventsHandler({ database, writer: (db) => createEventWriter(db) });
    const b = eventsHandler({ database, writer: (db) => createEventWriter(db) });
    const batch = (from: number) => ({ events: Array.from({ length: 200 }, (_, i) => ({ eventType: "view", userId: "carol", id: `v-${from + i}` })) });
    // Overlapping ranges: 0-199, 100-299, 50-249, 150-349 → 350 distinct ids.
    const answers = await Promise.all([send(batch(0), a), send(batch(100), b), send(batch(50), a), send(batch(150), b)]);
    expect(answers.reduce((sum, x) => sum + x.accepted, 0)).toBe(350);
    expect(answers.reduce((sum, x) => sum + x.duplicates, 0)).toBe(800 - 350);
    expect(await stored(ofUser("carol"))).toBe(350);
  });

  it("writes concurrent requests together in one statement", async () => {
    const writer = createEventWriter(h.db);
    const shared = eventsHandler({ database, writer: () => writer });
    await send({ events: [{ eventType: "warm", userId: "dave" }] }, shared);
    const before = writer.batches;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => send({ events: [{ eventType: "tap", userId: "dave", value: i }] }, shared)));
    expect(answers.every((x) => x.accepted === 1)).toBe(true);
    expect(writer.batches - before).toBeLessThan(5);
    expect(await stored(ofUser("dave"))).toBe(21);
  });

  it("answers 413 for more than 1,000 events, and 422 without an events list, storing nothing", async () => {
    const many = { events: Array.from({ length: 1001 }, () => ({ eventType: "e", userId: "erin" })) };
    const tooMany = await track(post(many));
    expect(tooMany).toMatchObject({ status: 413, body: { error: { code: "payload_too_large", message: "Send at most 1000 events per request (this one has 1001)." } } });
    for (const body of [{}, { events: "x" }, [], undefined]) {
      const response = await track(post(body));
      expect(response.status).toBe(422);
      expect((response.body as { error: { code: string } }).error.code).toBe("invalid");
    }
    expect(await stored(ofUser("erin"))).toBe(0);
    expect(await send({ events: Array.from({ length: 1000 }, () => ({ eventType: "e", userId: "erin" })) })).toMatchObject({ accepted: 1000 });
  });

  it("refuses callers without the right to send events", async () => {
    expect((await track(post({ events: [] }, null))).status).toBe(401);
    const refused = await track(post({ events: [{ eventType: "e", userId: "frank" }] }, keys.readOnly.key));
    expect(refused).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    // Refused before the body is looked at.
    expect((await track(post({ events: "not a list" }, keys.readOnly.key))).status).toBe(403);
    expect((await track(post({ events: [] }, keys.server.key))).status).toBe(202);
    expect(await stored(ofUser("frank"))).toBe(0);
  });

  it("answers 503 with Retry-After when too many events are waiting, storing only what it accepted", async () => {
    const tiny = createEventWriter(h.db, { maxQueue: 3, maxInFlight: 1 });
    const busy = eventsHandler({ database, writer: () => tiny });
    await send({ events: [{ eventType: "warm", userId: "gina" }] }, busy);
    const responses = await Promise.all(Array.from({ length: 6 }, () => busy(post({ events: [{ eventType: "e", userId: "gina" }, { eventType: "e", userId: "gina" }] }))));
    const refused = responses.filter((r) => r.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r).toMatchObject({ headers: { "retry-after": "1" }, body: { error: { code: "unavailable" } } });
    const accepted = responses.filter((r) => r.status === 202).reduce((sum, r) => sum + (r.body as Answer).accepted, 0);
    expect(accepted).toBeGreaterThan(0);
    expect(await stored(ofUser("gina"))).toBe(1 + accepted);
  });

  it("fails every request of a batch the database refuses with 503, leaving none of its rows", async () => {
    // A rule the checks do not know, so the statement itself fails half-way through its rows.
    await h.db.execute(sql`alter table experimentation.events add constraint test_no_boom check (event_type <> 'boom') not valid`);
    try {
      const writer = createEventWriter(h.db);
      const shared = eventsHandler({ database, writer: () => writer });
      await send({ events: [{ eventType: "warm", userId: "warm" }] }, shared);
      const good = { events: Array.from({ length: 10 }, (_, i) => ({ eventType: "ok", userId: "hank", id: `h-${i}` })) };
      const bad = { events: [{ eventType: "ok", userId: "hank" }, { eventType: "boom", userId: "hank" }] };
      const [first, second] = await Promise.all([shared(post(good)), shared(post(bad))]);
      for (const response of [first, second] as ApiResponse[]) {
        expect(response).toMatchObject({ status: 503, headers: { "retry-after": "1" }, body: { error: { code: "unavailable" } } });
      }
      expect(await stored(ofUser("hank"))).toBe(0);
      // Nothing was stored, so the retry stores everything once.
      expect(await send(good, shared)).toEqual({ accepted: 10, duplicates: 0, rejected: [] });
    } finally {
      await h.db.execute(sql`alter table experimentation.events drop constraint test_no_boom`);
    }
  });

  it("stores an event whose experiment was deleted since it was cached, detached, like deleting it later would", async () => {
    const row = (clientEventId: string, experimentId: string | null): NewEvent => ({
      id: randomUUID(), eventType: "late", userId: "ivy", experimentId, featureFlagId: null, variantId: null, value: null, metadata: null,
      source: keys.client.id, clientEventId, occurredAt: new Date().toISOString(),
    });
    expect(await insertEventBatches(h.db, [[row("l-1", randomUUID())], [row("l-2", null), row("l-2", null)]])).toEqual([0, 1]);
    const rows = await h.db.select().from(events).where(ofUser("ivy"));
    expect(rows.map((r) => [r.clientEventId, r.experimentId]).sort()).toEqual([["l-1", null], ["l-2", null]]);
  });

  it("answers CORS preflights and gives its answers CORS headers", async () => {
    const fast = matchFastRoute("OPTIONS", "/api/v1/events");
    if (!fast) throw new Error("no preflight route for /api/v1/events");
    const preflight = await fast.route.handler({ ...post(undefined, null, { origin: "https://shop.example" }), method: "OPTIONS" });
    expect(preflight).toMatchObject({ status: 204, headers: { "access-control-allow-origin": "*", "access-control-allow-methods": "GET, POST, OPTIONS" } });
    const response = await track(post({ events: [] }, keys.client.key, { origin: "https://shop.example" }));
    expect(response.headers?.["access-control-allow-origin"]).toBe("*");
  });
});

describe("POST /api/v1/events through node:http", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => void serveFromNode(track, req, res, {}));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/events`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const fetchEvents = (body: string, key = keys.client.key) =>
    fetch(base, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json", origin: "https://shop.example" }, body });

  it("answers 202 with the counts once stored", async () => {
    const response = await fetchEvents(JSON.stringify({ events: [{ eventType: "signup", userId: "jack", experiment: "checkout", variant: "control", id: "s-1" }, { eventType: "signup" }] }));
    expect(response.status).toBe(202);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [{ index: 1, error: "userId is required." }] });
    expect(await stored(ofUser("jack"))).toBe(1);
  });

  it("answers 413 in the error shape for a body over the limit, 400 for one that is not JSON", async () => {
    const big = JSON.stringify({ events: [{ eventType: "e", userId: "kim", metadata: { pad: "x".repeat(MAX_BODY_BYTES) } }] });
    const tooBig = await fetchEvents(big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get("access-control-allow-origin")).toBe("*");
    expect(((await tooBig.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    const broken = await fetchEvents('{"events": [');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe("invalid_json");
    expect(await stored(ofUser("kim"))).toBe(0);
  });
});

describe("insertEventBatches", () => {
  it("answers per request how many of its ids were stored before", async () => {
    const rows = (n: number, prefix: string): NewEvent[] =>
      Array.from({ length: n }, (_, i) => ({
        id: randomUUID(), eventType: "x", userId: "liz", experimentId: null, featureFlagId: null, variantId: null, value: i, metadata: '{"i":1}',
        source: keys.server.id, clientEventId: `${prefix}-${i}`, occurredAt: new Date().toISOString(),
      }));
    expect(await insertEventBatches(h.db, [rows(3, "a"), rows(2, "b")])).toEqual([0, 0]);
    expect(await insertEventBatches(h.db, [rows(5, "a"), rows(1, "c"), []])).toEqual([3, 0, 0]);
    expect(await stored(ofUser("liz"))).toBe(8);
  });
});
