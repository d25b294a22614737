import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { readyExperiment } from "../../../services/experiments/experiment-fixtures";
import { contextWith } from "../../../services/testing";
import { changeExperimentStatusEndpoint } from "./change-experiment-status";
import { createExperimentEndpoint } from "./create-experiment";
import { deleteExperimentEndpoint } from "./delete-experiment";
import { type TestKeys, call, mintKeys, writtenRows } from "./endpoint-test-kit";
import { experimentJsonSchema, experimentPageJsonSchema, statusChangeJsonSchema } from "./experiment-json";
import { nextRoute } from "../../next-adapter";
import { getExperimentEndpoint } from "./get-experiment";
import { listExperimentsEndpoint } from "./list-experiments";
import { updateExperimentEndpoint } from "./update-experiment";

let h: DatabaseHandle;
let keys: TestKeys;
beforeAll(async () => {
  h = await createTestDatabase();
  keys = await mintKeys(h);
});
afterAll(() => h.close());

const create = (body: unknown) => call(h, createExperimentEndpoint, { key: keys.admin, body });
const get = (key: string) => call(h, getExperimentEndpoint, { key: keys.admin, params: { key } });
const setStatus = (key: string, status: unknown) => call(h, changeExperimentStatusEndpoint, { key: keys.admin, params: { key }, body: { status } });
const fieldsOf = (body: unknown) => Object.keys((body as { error: { details: { fields: Record<string, string[]> } } }).error.details.fields).sort();

describe("POST /api/v1/experiments", () => {
  it("creates a draft with nested variants and metrics: 201, its URL, camelCase JSON with ISO dates", async () => {
    const response = await create(readyExperiment("checkout-button", { startDate: "2030-01-31", tags: ["checkout"] }));
    expect(response.status).toBe(201);
    expect(response.headers).toEqual({ location: "/api/v1/experiments/checkout-button" });
    const body = experimentJsonSchema.parse(response.body);
    expect(body).toMatchObject({ key: "checkout-button", status: "DRAFT", experimentType: "A_B", ownerId: null, owner: null, tags: ["checkout"] });
    expect(body.startDate).toBe("2030-01-31T00:00:00.000Z");
    expect(body.variants.map((v) => [v.name, v.isControl, v.trafficAllocation])).toEqual([
      ["control", true, 50],
      ["treatment", false, 50],
    ]);
    expect(body.metricDefinitions).toEqual([expect.objectContaining({ name: "Purchases", metricType: "CONVERSION", isPrimary: true })]);
  });

  it("answers 422 naming every bad field, and writes nothing", async () => {
    const before = await writtenRows(h);
    const response = await create({ key: "Not A Key", name: "", variants: [{ name: "a", trafficAllocation: 150 }], metricDefinitions: [{ name: "m" }] });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { code: "invalid" } });
    expect(fieldsOf(response.body)).toEqual(
      expect.arrayContaining(["key", "name", "variants.0.trafficAllocation", "metricDefinitions.0.eventName", "metricDefinitions.0.metricType"]),
    );
    expect(await writtenRows(h)).toEqual(before);
  });

  it("answers 422 for a missing or non-object body, and 409 for a taken key", async () => {
    expect((await create(undefined)).status).toBe(422);
    expect((await create(["not", "an", "object"])).status).toBe(422);
    const before = await writtenRows(h);
    const taken = await create({ key: "checkout-button", name: "Again" });
    expect(taken).toMatchObject({ status: 409, body: { error: { code: "conflict", details: { fields: { key: ["This key is already used."] } } } } });
    expect(await writtenRows(h)).toEqual(before);
  });
});

describe("GET /api/v1/experiments", () => {
  beforeAll(async () => {
    for (const key of ["list-a", "list-b", "list-c"]) expect((await create(readyExperiment(key, { tags: ["listed"] }))).status).toBe(201);
    expect((await setStatus("list-b", "ACTIVE")).status).toBe(200);
    expect((await setStatus("list-c", "ARCHIVED")).status).toBe(200);
  });

  const list = (query: string) => call(h, listExperimentsEndpoint, { key: keys.admin, query });

  it("filters, sorts and pages, with repeated parameters as lists", async () => {
    const response = await list("tag=listed&status=ACTIVE&status=ARCHIVED&sort=name&direction=asc");
    expect(response.status).toBe(200);
    const page = experimentPageJsonSchema.parse(response.body);
    expect(page.data.map((row) => [row.key, row.status, row.variantCount])).toEqual([
      ["list-b", "ACTIVE", 2],
      ["list-c", "ARCHIVED", 2],
    ]);
    expect(page).toMatchObject({ page: 1, pageSize: 25, total: 2 });

    const second = experimentPageJsonSchema.parse((await list("tag=listed&sort=name&direction=asc&pageSize=1&page=2")).body);
    expect(second.data.map((row) => row.key)).toEqual(["list-b"]);
    expect(second).toMatchObject({ page: 2, pageSize: 1, total: 3 });
    expect(experimentPageJsonSchema.parse((await list("search=LIST-A")).body).data.map((row) => row.key)).toEqual(["list-a"]);
  });

  it("answers 422 naming each bad parameter", async () => {
    const response = await list("page=0&pageSize=1000&status=RUNNING&sort=colour");
    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(["page", "pageSize", "sort", "status"]);
  });
});

describe("GET /api/v1/experiments/{key}", () => {
  it("answers with the experiment, or 404 in the error shape", async () => {
    expect(experimentJsonSchema.parse((await get("checkout-button")).body).key).toBe("checkout-button");
    expect(await get("no-such-experiment")).toEqual({
      status: 404,
      body: { error: { code: "not_found", message: 'Experiment "no-such-experiment" not found.' } },
    });
  });

  it("serves a dashboard session without a key, with the user's permissions", async () => {
    const reader = contextWith(h.db, ["experiment:read"], "alice").actor;
    expect((await call(h, getExperimentEndpoint, { params: { key: "checkout-button" }, session: reader })).status).toBe(200);
    const refused = await call(h, updateExperimentEndpoint, { params: { key: "checkout-button" }, body: { name: "Renamed" }, session: reader });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
  });
});

describe("PATCH /api/v1/experiments/{key}", () => {
  const patch = (key: string, body: unknown) => call(h, updateExperimentEndpoint, { key: keys.admin, params: { key }, body });

  it("changes only the fields sent", async () => {
    const response = await patch("checkout-button", { name: "Checkout button colour", hypothesis: "Green sells", tags: ["checkout", "colour"] });
    expect(response.status).toBe(200);
    const body = experimentJsonSchema.parse(response.body);
    expect(body).toMatchObject({ name: "Checkout button colour", hypothesis: "Green sells", tags: ["checkout", "colour"], startDate: "2030-01-31T00:00:00.000Z" });
    expect(body.variants).toHaveLength(2);
  });

  it("answers 422 for bad or unknown fields and dates out of order, writing nothing; 404 for an unknown key", async () => {
    const before = await writtenRows(h);
    const bad = await patch("checkout-button", { name: "", colour: "green" });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual(["_form", "name"]);
    expect(fieldsOf((await patch("checkout-button", { endDate: "2029-01-01" })).body)).toEqual(["endDate"]);
    expect(await writtenRows(h)).toEqual(before);
    expect(experimentJsonSchema.parse((await get("checkout-button")).body).name).toBe("Checkout button colour");
    expect((await patch("no-such-experiment", { name: "x" })).status).toBe(404);
  });

  it("refuses to change the key of an experiment that has run", async () => {
    const response = await patch("list-b", { key: "list-b-renamed" });
    expect(response).toMatchObject({ status: 422, body: { error: { details: { fields: { key: [expect.any(String)] } } } } });
  });
});

describe("POST /api/v1/experiments/{key}/status", () => {
  it("starts, pauses and completes, saying what happened", async () => {
    expect((await create(readyExperiment("lifecycle"))).status).toBe(201);
    const started = await setStatus("lifecycle", "ACTIVE");
    expect(started.status).toBe(200);
    const body = statusChangeJsonSchema.parse(started.body);
    expect(body.outcome).toBe("changed");
    expect(body.experiment.status).toBe("ACTIVE");
    expect(body.experiment.startDate).not.toBeNull();
    expect(statusChangeJsonSchema.parse((await setStatus("lifecycle", "ACTIVE")).body).outcome).toBe("unchanged");
    expect(statusChangeJsonSchema.parse((await setStatus("lifecycle", "PAUSED")).body).experiment.status).toBe("PAUSED");
    expect(statusChangeJsonSchema.parse((await setStatus("lifecycle", "COMPLETED")).body).experiment.endDate).not.toBeNull();
  });

  it("answers 409 for a move the lifecycle does not allow", async () => {
    const response = await setStatus("lifecycle", "DRAFT");
    expect(response).toMatchObject({ status: 409, body: { error: { code: "conflict", details: { fields: { status: [expect.any(String)] } } } } });
  });

  it("answers 422 naming each failed start guard, and leaves the draft as it was", async () => {
    expect((await create({ key: "half-built", name: "Half built", variants: [{ name: "only", trafficAllocation: 100 }] })).status).toBe(201);
    const before = await writtenRows(h);
    const response = await setStatus("half-built", "ACTIVE");
    expect(response.status).toBe(422);
    const error = (response.body as { error: { code: string; details: { fields: Record<string, string[]>; guards: { guard: string; field: string }[] } } }).error;
    expect(error.code).toBe("invalid");
    expect(error.details.guards.map((failure) => failure.guard)).toEqual(["variant_count", "single_control", "primary_metric"]);
    expect(Object.keys(error.details.fields).sort()).toEqual(["metricDefinitions", "variants"]);
    expect(await writtenRows(h)).toEqual(before);
    expect(experimentJsonSchema.parse((await get("half-built")).body).status).toBe("DRAFT");
  });

  it("answers 422 for a status that does not exist, and 404 for an unknown key", async () => {
    expect(fieldsOf((await setStatus("half-built", "RUNNING")).body)).toEqual(["status"]);
    expect(fieldsOf((await call(h, changeExperimentStatusEndpoint, { key: keys.admin, params: { key: "half-built" } })).body)).toEqual(["status"]);
    expect((await setStatus("no-such-experiment", "ACTIVE")).status).toBe(404);
  });
});

describe("DELETE /api/v1/experiments/{key}", () => {
  const remove = (key: string) => call(h, deleteExperimentEndpoint, { key: keys.admin, params: { key } });

  it("deletes a draft: 204 without a body, then 404", async () => {
    expect(await remove("half-built")).toEqual({ status: 204 });
    expect((await get("half-built")).status).toBe(404);
    expect((await remove("half-built")).status).toBe(404);
  });

  it("answers 409 for an experiment that has run, and keeps it", async () => {
    expect(await remove("lifecycle")).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });
    expect((await get("lifecycle")).status).toBe(200);
  });
});

describe("mounted as Next route handlers", () => {
  const mount = (endpoint: Parameters<typeof call>[1]) => nextRoute(endpoint.handler({ database: async () => h, sessionActor: async () => null }));
  const context = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
  const url = (path: string) => `http://localhost${path}`;

  it("answers 400 for a body that is not JSON, before the handler runs", async () => {
    const before = await writtenRows(h);
    const request = new Request(url("/api/v1/experiments"), { method: "POST", headers: { authorization: `Bearer ${keys.admin}` }, body: "{key: 'x'" });
    const response = await mount(createExperimentEndpoint)(request, context());
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_json" } });
    expect(await writtenRows(h)).toEqual(before);
  });

  it("sends JSON with ISO dates, reads repeated query parameters as lists, and sends 204 without a body", async () => {
    const post = new Request(url("/api/v1/experiments"), {
      method: "POST",
      headers: { "x-api-key": keys.admin, "content-type": "application/json" },
      body: JSON.stringify({ key: "over-http", name: "Over HTTP", endDate: "2031-05-01T12:00:00+02:00" }),
    });
    const created = await mount(createExperimentEndpoint)(post, context());
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe("/api/v1/experiments/over-http");
    expect(experimentJsonSchema.parse(await created.json()).endDate).toBe("2031-05-01T10:00:00.000Z");

    const list = new Request(url("/api/v1/experiments?status=DRAFT&status=COMPLETED&search=over"), { headers: { authorization: `Bearer ${keys.viewer}` } });
    const page = experimentPageJsonSchema.parse(await (await mount(listExperimentsEndpoint)(list, context())).json());
    expect(page.data.map((row) => row.key)).toEqual(["over-http"]);

    const remove = new Request(url("/api/v1/experiments/over-http"), { method: "DELETE", headers: { authorization: `Bearer ${keys.admin}` } });
    const deleted = await mount(deleteExperimentEndpoint)(remove, context({ key: "over-http" }));
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");
  });
});
