/**
 * The permission proof for server actions (issue 8): every guarded action in the registry, called as a
 * signed-out visitor and as each built-in role that lacks its permission, is refused with a clear
 * message and changes nothing. Each sample form would pass for an admin (checked last, on a copy), so a
 * refusal is about who asks, not what was sent.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Permission, can } from "@/core/permissions/permissions";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import type { ServiceContext } from "../context";
import { createApiKey } from "../services/api-keys/create-api-key";
import { loadSignedInUser } from "../services/auth/load-actor";
import { changeExperimentStatus } from "../services/experiments/change-experiment-status";
import { createExperiment } from "../services/experiments/create-experiment";
import { createFlag } from "../services/flags/create-flag";
import { upsertOverride } from "../services/flags/upsert-override";
import { readyExperiment } from "../services/experiments/experiment-fixtures";
import { createRole } from "../services/roles/create-role";
import { systemContext } from "../services/testing";
import { createUser } from "../services/users/create-user";
import { databaseFingerprint } from "../testing/database-fingerprint";
import { ACTION_REGISTRY, type RegisteredAction } from "./action-registry";
import type { FormState } from "./form-state";

const session = vi.hoisted(() => ({ current: null as ServiceContext | null }));
vi.mock("@/server/auth/session", () => ({ sessionContext: async () => session.current, getCurrentUser: async () => null }));
vi.mock("@/server/auth/auth", () => ({ signIn: async () => undefined, signOut: async () => undefined, auth: async () => null }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const root = fileURLToPath(new URL("../../", import.meta.url));
type Action = (previous: FormState, form: FormData) => Promise<FormState>;

let h: DatabaseHandle;
const ids: Record<string, string> = {};
const actors = {} as Record<"viewer" | "experimenter", ServiceContext>;

async function signedIn(username: string, db: DatabaseHandle["db"]): Promise<ServiceContext> {
  const { users } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const [row] = await db.select().from(users).where(eq(users.username, username));
  const user = row ? await loadSignedInUser(db, row.id, row.sessionVersion) : null;
  if (!user) throw new Error(username);
  return { db, actor: user.actor };
}

async function seed(handle: DatabaseHandle): Promise<Record<string, string>> {
  const sys = systemContext(handle.db);
  const password = "a long enough password";
  await createUser(sys, { username: "vic", email: "vic@example.com", password, roles: ["viewer"] });
  await createUser(sys, { username: "eli", email: "eli@example.com", password, roles: ["experimenter"] });
  await createUser(sys, { username: "boss", email: "boss@example.com", password, isSuperuser: true });
  const target = await createUser(sys, { username: "target", email: "target@example.com", password, roles: ["viewer"] });
  const experiment = await createExperiment(sys, readyExperiment("guarded"));
  await createRole(sys, { name: "custom", permissions: ["experiment:read"] });
  const key = await createApiKey(sys, { name: "web", type: "client" });
  const flag = await createFlag(sys, { key: "guarded-flag", name: "Guarded flag" });
  await upsertOverride(sys, { flag: { id: flag.id }, userId: "u-1", value: true });
  const bandit = await runningBandit(handle);
  return {
    flagId: flag.id,
    banditId: bandit,
    experimentId: experiment.id,
    variantId: experiment.variants[1]?.id ?? "",
    controlId: experiment.variants[0]?.id ?? "",
    metricId: experiment.metricDefinitions[0]?.id ?? "",
    userId: target.id,
    apiKeyId: key.id,
  };
}

/** A running bandit past its (one-user) burn-in, for the bandit actions. */
async function runningBandit(handle: DatabaseHandle): Promise<string> {
  const sys = systemContext(handle.db);
  const { assignments, experiments } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const bandit = await createExperiment(sys, readyExperiment("guarded-bandit", { experimentType: "BANDIT" }));
  await handle.db.update(experiments).set({ banditBurnInUsers: 1 }).where(eq(experiments.id, bandit.id));
  await changeExperimentStatus(sys, { experiment: { id: bandit.id }, status: "ACTIVE" });
  await handle.db.insert(assignments).values(bandit.variants.map((v, i) => ({ experimentId: bandit.id, variantId: v.id, userId: `bandit-user-${i}` })));
  return bandit.id;
}

/** A form that an admin could send: what each action reads. */
function sampleForm(action: RegisteredAction): Record<string, string | string[]> {
  const experiment = { experimentId: ids.experimentId ?? "", currentKey: "guarded" };
  const metric = { ...experiment, metricId: ids.metricId ?? "" };
  const flag = { flagId: ids.flagId ?? "" };
  const samples: Record<string, Record<string, string | string[]>> = {
    createFlagAction: { key: "another-flag", name: "Another flag", flagType: "boolean", rolloutPercentage: "25" },
    updateFlagAction: { ...flag, name: "Renamed flag", flagType: "boolean", rolloutPercentage: "50" },
    saveFlagRulesAction: { ...flag, "rules.present": "1", "targetingRules.0.condition": '{"country": "NL"}', "targetingRules.0.serve": "on" },
    changeFlagStatusAction: { ...flag, status: "ACTIVE" },
    duplicateFlagAction: flag,
    deleteFlagAction: flag,
    saveOverrideAction: { ...flag, userId: "u-2", value: "true" },
    bulkOverridesAction: { ...flag, userIds: "u-3, u-4", value: "false" },
    removeOverrideAction: { ...flag, userId: "u-1" },
    testFlagAction: { ...flag, userId: "u-1", context: "{}" },
    createExperimentAction: {
      name: "Another",
      key: "another",
      experimentType: "A_B",
      control: "0",
      "variants.0.name": "control",
      "variants.0.trafficAllocation": "50",
      "variants.1.name": "treatment",
      "variants.1.trafficAllocation": "50",
    },
    updateExperimentAction: { ...experiment, name: "Renamed" },
    saveVariantsAction: {
      ...experiment,
      control: "0",
      "variants.0.id": ids.controlId ?? "",
      "variants.0.name": "control",
      "variants.0.trafficAllocation": "40",
      "variants.1.id": ids.variantId ?? "",
      "variants.1.name": "treatment",
      "variants.1.trafficAllocation": "60",
    },
    saveTargetingAction: { ...experiment, targetingRules: '{"country": "NL"}' },
    changeStatusAction: { ...experiment, status: "ACTIVE" },
    deleteExperimentAction: experiment,
    duplicateExperimentAction: experiment,
    addMetricAction: { ...experiment, name: "Clicks", eventName: "click", metricType: "COUNT" },
    updateMetricAction: { ...metric, name: "Renamed" },
    setPrimaryMetricAction: { ...metric, isPrimary: "false" },
    removeMetricAction: metric,
    refreshResultsAction: { key: "guarded" },
    saveBanditSettingsAction: { experimentId: ids.banditId ?? "", intervalMinutes: "30", floorPercent: "10", burnInUsers: "50" },
    reweightBanditAction: { experimentId: ids.banditId ?? "" },
    createUserAction: { username: "newbie", email: "newbie@example.com", password: "a long enough password", roles: ["viewer"] },
    updateUserAction: { user: ids.userId ?? "", email: "target@example.com", fullName: "Renamed", roles: ["viewer"] },
    setUserActiveAction: { user: ids.userId ?? "", active: "false" },
    resetPasswordAction: { user: ids.userId ?? "" },
    createRoleAction: { name: "another", description: "", permissions: ["experiment:read"] },
    updateRoleAction: { role: "custom", description: "Changed", permissions: ["experiment:read", "feature_flag:read"] },
    deleteRoleAction: { role: "custom", confirm: "true" },
    createApiKeyAction: { name: "server key", type: "server" },
    revokeApiKeyAction: { id: ids.apiKeyId ?? "" },
    updateProfileAction: { fullName: "Me", email: "me@example.com", theme: "dark", pageSize: "50", timeZone: "Europe/Amsterdam" },
    changePasswordAction: { currentPassword: "a long enough password", newPassword: "another long password", confirmPassword: "another long password" },
  };
  const sample = samples[action.name];
  if (!sample) throw new Error(`No sample form for ${action.name}: add one to this test.`);
  return sample;
}

function formData(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  return form;
}

async function run(action: RegisteredAction, ctx: ServiceContext | null): Promise<FormState | "redirected"> {
  session.current = ctx;
  const exported = (await import(join(root, action.file))) as Record<string, Action>;
  const fn = exported[action.name];
  if (!fn) throw new Error(`${action.file} exports no ${action.name}`);
  try {
    return await fn({ ok: false }, formData(sampleForm(action)));
  } catch (error) {
    // Next's redirect() throws; it means the action succeeded and moved the browser on.
    if (error instanceof Error && /NEXT_REDIRECT/.test(String((error as { digest?: string }).digest ?? error.message))) return "redirected";
    throw error;
  } finally {
    session.current = null;
  }
}

beforeAll(async () => {
  h = await createTestDatabase();
  Object.assign(ids, await seed(h));
  actors.viewer = await signedIn("vic", h.db);
  actors.experimenter = await signedIn("eli", h.db);
});
afterAll(() => h.close());

const guarded = ACTION_REGISTRY.filter((a): a is RegisteredAction & { needs: Permission } => a.needs !== "public" && a.needs !== "signed-in");
const wrapped = ACTION_REGISTRY.filter((a) => a.needs !== "public" && a.name !== "signOutAction");
const allows = (ctx: ServiceContext, needs: Permission) => {
  const [resource, action] = needs.split(":") as [Parameters<typeof can>[1], Parameters<typeof can>[2]];
  return can(ctx.actor, resource, action);
};

describe("server actions refuse those who may not use them, changing nothing", () => {
  it("has a sample form for every registered action", () => {
    for (const action of wrapped) expect(() => sampleForm(action), action.name).not.toThrow();
  });

  it.each(wrapped.map((a) => [a.name, a] as const))("%s: signed out → 'session has ended'", async (_, action) => {
    const before = await databaseFingerprint(h.db);
    expect(await run(action, null)).toEqual({ ok: false, message: "Your session has ended. Sign in again." });
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });

  for (const role of ["viewer", "experimenter"] as const) {
    it.each(guarded.map((a) => [a.name, a] as const))(`%s: refused for the ${role} role when it lacks the permission`, async (_, action) => {
      const ctx = actors[role];
      if (allows(ctx, action.needs)) return; // the role holds it: nothing to refuse
      const before = await databaseFingerprint(h.db);
      const answer = await run(action, ctx);
      expect(answer).toMatchObject({ ok: false, message: expect.stringMatching(/You do not have permission/) });
      expect(await databaseFingerprint(h.db)).toEqual(before);
    });
  }

  it("refuses each role at least one action, so the test above tries something", () => {
    // A viewer may use what only reads (the flag page's "test a user", refreshing results), and nothing else.
    const writes = guarded.filter((a) => !a.needs.endsWith(":read"));
    expect(writes.filter((a) => !allows(actors.viewer, a.needs))).toHaveLength(writes.length);
    expect(guarded.filter((a) => !allows(actors.experimenter, a.needs)).length).toBeGreaterThanOrEqual(9);
  });

  it.each(guarded.map((a) => [a.name, a] as const))("%s: the sample form succeeds for a superuser (on a copy)", async (_, action) => {
    const copy = await createTestDatabase();
    const original = { ...ids };
    try {
      Object.assign(ids, await seed(copy));
      const answer = await run(action, await signedIn("boss", copy.db));
      if (answer !== "redirected") expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true });
    } finally {
      Object.assign(ids, original);
      await copy.close();
    }
  });
});
