/**
 * Demo data (`npm run admin -- demo`): a few experiments of every type with weeks of realistic traffic,
 * real effects in some and none in others, a bandit with its re-weighting history, and two flags, so a
 * new installation shows full results pages. Experiments and flags go through the services (validated
 * and audited like any other); the traffic is written set-based (see demo-traffic.ts).
 */
import { randomBytes } from "node:crypto";
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "@/core/permissions/permissions";
import type { Database } from "@/db/client";
import { banditAllocations, experiments, users, variants } from "@/db/schema";
import { Conflict } from "../../errors";
import { changeExperimentStatus } from "../experiments/change-experiment-status";
import { createExperiment } from "../experiments/create-experiment";
import type { CreateExperimentInput } from "../experiments/experiment.schema";
import type { ExperimentDetail } from "../experiments/load-experiment";
import { createFlag } from "../flags/create-flag";
import { refreshStatistics } from "../results/refresh-results";
import { createUser } from "../users/create-user";
import { type ArmBehaviour, insertAssignments, insertEvents } from "./demo-traffic";
import { simulateBandit } from "./simulate-bandit";

export interface DemoOptions {
  /** Multiplies every experiment's users (1 ≈ 29,000 users in all); tests use a small one. */
  scale?: number;
  /** Days of history. */
  days?: number;
  now?: Date;
}

export interface DemoReport {
  owner: string;
  /** Set when the demo created its own user: sign in with these. */
  createdUser: { username: string; password: string } | null;
  experiments: { key: string; type: string; users: number }[];
  flags: string[];
}

export const DEMO_EXPERIMENT_KEYS = ["checkout-button-color", "onboarding-copy", "search-ranking", "pricing-page-split", "homepage-hero-bandit"] as const;
const DEMO_FLAGS = ["new-checkout-flow", "homepage-theme"] as const;
const DAY = 86_400_000;

/**
 * All of the demo or none of it: everything is written in one transaction, and the results are computed
 * after it commits (a refresh only sees committed rows).
 */
export async function createDemoData(db: Database, actor: Actor, options: DemoOptions = {}): Promise<DemoReport> {
  // The services open their own transactions, which inside this one become savepoints.
  const report = await db.transaction((tx) => writeDemoData(tx as unknown as Database, actor, options));
  await refreshStatistics(db);
  return report;
}

async function writeDemoData(db: Database, actor: Actor, options: DemoOptions): Promise<DemoReport> {
  const scale = options.scale ?? 1;
  const days = options.days ?? 28;
  const now = options.now ?? new Date();
  const start = new Date(now.getTime() - days * DAY);
  const ctx = { db, actor };

  const existing = await db.select({ key: experiments.key }).from(experiments).where(inArray(experiments.key, [...DEMO_EXPERIMENT_KEYS]));
  if (existing.length > 0) {
    throw new Conflict(`Demo data already exists (experiment${existing.length === 1 ? "" : "s"} ${existing.map((e) => e.key).join(", ")}); nothing was added.`);
  }
  const { owner, createdUser } = await demoOwner(db, actor);
  const count = (users: number) => Math.max(20, Math.round(users * scale));
  const report: DemoReport = { owner: owner.username, createdUser, experiments: [], flags: [] };

  /** Creates and starts an experiment, dated as if it had been running since `start`. */
  const launch = async (input: CreateExperimentInput): Promise<ExperimentDetail> => {
    const experiment = await createExperiment(ctx, { ...input, ownerId: owner.id });
    await changeExperimentStatus(ctx, { experiment: { id: experiment.id }, status: "ACTIVE" });
    await db.update(experiments).set({ startDate: start, createdAt: new Date(start.getTime() - 2 * DAY) }).where(eq(experiments.id, experiment.id));
    return experiment;
  };
  const traffic = async (experiment: ExperimentDetail, users: number, shares: number[]) => {
    await insertAssignments(db, {
      experimentId: experiment.id,
      arms: experiment.variants.map((v, i) => ({ variantId: v.id, share: shares[i]! })),
      users,
      prefix: `${experiment.key}-user-`,
      from: start,
      to: now,
    });
    report.experiments.push({ key: experiment.key, type: experiment.experimentType, users });
  };
  const events = (experiment: ExperimentDetail, eventName: string, arms: Omit<ArmBehaviour, "variantId">[]) =>
    insertEvents(db, { experimentId: experiment.id, eventName, now, arms: experiment.variants.map((v, i) => ({ variantId: v.id, ...arms[i]! })) });

  // A/B with a real lift: conversion 10% → 11.5%, and revenue per buyer a little higher too.
  const checkout = await launch({
    key: "checkout-button-color",
    name: "Checkout button color",
    hypothesis: "A green checkout button is easier to find, so more visitors complete their purchase.",
    experimentType: "A_B",
    tags: ["checkout", "demo"],
    variants: [
      { name: "Blue button", isControl: true, trafficAllocation: 50, configuration: { color: "blue" } },
      { name: "Green button", trafficAllocation: 50, configuration: { color: "green" } },
    ],
    metricDefinitions: [
      { name: "Purchase", eventName: "purchase", metricType: "CONVERSION", isPrimary: true, minimumSampleSize: 1000, expectedEffect: 0.1 },
      { name: "Revenue", eventName: "purchase", metricType: "REVENUE" },
    ],
  });
  await traffic(checkout, count(9000), [0.5, 0.5]);
  await events(checkout, "purchase", [
    { probability: 0.1, value: 48 },
    { probability: 0.115, value: 50 },
  ]);

  // A/B with no effect: both arms convert at 20%.
  const onboarding = await launch({
    key: "onboarding-copy",
    name: "Onboarding welcome copy",
    hypothesis: "A shorter welcome message gets more new users to finish sign-up.",
    experimentType: "A_B",
    tags: ["onboarding", "demo"],
    variants: [
      { name: "Current copy", isControl: true, trafficAllocation: 50 },
      { name: "Short copy", trafficAllocation: 50 },
    ],
    metricDefinitions: [{ name: "Completed sign-up", eventName: "signup_completed", metricType: "CONVERSION", isPrimary: true, minimumSampleSize: 500 }],
  });
  await traffic(onboarding, count(5000), [0.5, 0.5]);
  await events(onboarding, "signup_completed", [{ probability: 0.2 }, { probability: 0.2 }]);

  // Multivariate: searches per user (COUNT) and time on the results page (DURATION, lower is better).
  const search = await launch({
    key: "search-ranking",
    name: "Search ranking model",
    hypothesis: "Ranking by recent popularity surfaces better results: more searches, less time spent hunting.",
    experimentType: "MULTIVARIATE",
    tags: ["search", "demo"],
    variants: [
      { name: "Relevance (current)", isControl: true, trafficAllocation: 25, configuration: { ranking: "relevance" } },
      { name: "Popularity", trafficAllocation: 25, configuration: { ranking: "popularity" } },
      { name: "Recency", trafficAllocation: 25, configuration: { ranking: "recency" } },
      { name: "Hybrid", trafficAllocation: 25, configuration: { ranking: "hybrid" } },
    ],
    metricDefinitions: [
      { name: "Searches per user", eventName: "search", metricType: "COUNT", isPrimary: true, minimumSampleSize: 500 },
      { name: "Time to first click", eventName: "search_click_seconds", metricType: "DURATION", lowerIsBetter: true },
    ],
  });
  await traffic(search, count(6000), [0.25, 0.25, 0.25, 0.25]);
  await events(search, "search", [
    { probability: 0.8, eventsPerUser: 3 },
    { probability: 0.8, eventsPerUser: 3.4 },
    { probability: 0.8, eventsPerUser: 3 },
    { probability: 0.82, eventsPerUser: 3.2 },
  ]);
  await events(search, "search_click_seconds", [
    { probability: 0.7, eventsPerUser: 2, value: 12 },
    { probability: 0.7, eventsPerUser: 2, value: 10.5 },
    { probability: 0.7, eventsPerUser: 2, value: 12.2 },
    { probability: 0.7, eventsPerUser: 2, value: 11.5 },
  ]);

  // Split-URL: two landing pages, a modest lift on upgrades.
  const pricing = await launch({
    key: "pricing-page-split",
    name: "Pricing page redesign",
    hypothesis: "A pricing page that leads with the annual plan gets more upgrades.",
    experimentType: "SPLIT_URL",
    tags: ["pricing", "demo"],
    variants: [
      { name: "Current page", isControl: true, trafficAllocation: 50, configuration: { url: "https://example.com/pricing" } },
      { name: "Annual first", trafficAllocation: 50, configuration: { url: "https://example.com/pricing-annual" } },
    ],
    metricDefinitions: [{ name: "Plan upgrade", eventName: "plan_upgraded", metricType: "CONVERSION", isPrimary: true, minimumSampleSize: 500 }],
  });
  await traffic(pricing, count(4000), [0.5, 0.5]);
  await events(pricing, "plan_upgraded", [{ probability: 0.04 }, { probability: 0.052 }]);

  await demoBandit(db, launch, report, { start, now, days, users: count(6000) });

  for (const flag of [
    { key: DEMO_FLAGS[0], name: "New checkout flow", description: "Rolls the new checkout out gradually; beta customers always get it.", status: "ACTIVE" as const, rolloutPercentage: 30, targetingRules: [{ id: "beta", description: "Beta customers", condition: { plan: "beta" }, serve: "on" }] },
    {
      key: DEMO_FLAGS[1],
      name: "Homepage theme",
      description: "Which color theme the homepage uses.",
      status: "ACTIVE" as const,
      rolloutPercentage: 100,
      variants: [
        { key: "light", value: "light", weight: 70 },
        { key: "dark", value: "dark", weight: 30 },
      ],
    },
  ]) {
    const existingFlag = await createFlag(ctx, flag).catch((error: unknown) => {
      // A flag of that key made by hand stays as it is; the demo needs no flag of its own to work.
      if (error instanceof Conflict) return null;
      throw error;
    });
    if (existingFlag) report.flags.push(flag.key);
  }
  return report;
}

/** The bandit: three hero images, one clearly better, re-weighted every 12 hours after its burn-in. */
async function demoBandit(
  db: Database,
  launch: (input: CreateExperimentInput) => Promise<ExperimentDetail>,
  report: DemoReport,
  window: { start: Date; now: Date; days: number; users: number },
): Promise<void> {
  const bandit = await launch({
    key: "homepage-hero-bandit",
    name: "Homepage hero image",
    hypothesis: "Let the bandit send most visitors to the hero image that gets the most clicks while we learn.",
    experimentType: "BANDIT",
    tags: ["homepage", "demo"],
    variants: [
      { name: "Mountains", isControl: true, trafficAllocation: 33.34, configuration: { image: "mountains.jpg" } },
      { name: "City at night", trafficAllocation: 33.33, configuration: { image: "city.jpg" } },
      { name: "Team photo", trafficAllocation: 33.33, configuration: { image: "team.jpg" } },
    ],
    metricDefinitions: [{ name: "Hero click", eventName: "hero_click", metricType: "CONVERSION", isPrimary: true }],
  });
  const intervalMinutes = 720;
  const periods = Math.max(2, Math.floor((window.days * 24 * 60) / intervalMinutes));
  const periodMs = (window.now.getTime() - window.start.getTime()) / periods;
  const floorPercent = 5;
  const burnInUsers = Math.max(20, Math.min(100, Math.round(window.users / 60)));
  const simulation = simulateBandit({
    arms: bandit.variants.map((v, i) => ({ variantId: v.id, name: v.name, rate: [0.05, 0.075, 0.04][i]! })),
    periods,
    usersPerPeriod: window.users / periods,
    floorPercent,
    burnInUsers,
    seed: 20_261_101,
  });
  await db.update(experiments).set({ banditIntervalMinutes: intervalMinutes, banditFloorPercent: floorPercent, banditBurnInUsers: burnInUsers }).where(eq(experiments.id, bandit.id));
  const at = (period: number) => new Date(window.start.getTime() + period * periodMs);

  let users = 0;
  for (const [period, { users: perArm, conversions }] of simulation.periods.entries()) {
    for (const [arm, variant] of bandit.variants.entries()) {
      const n = perArm[arm]!;
      if (n === 0) continue;
      const prefix = `${bandit.key}-p${period}-a${arm}-`;
      await insertAssignments(db, { experimentId: bandit.id, arms: [{ variantId: variant.id, share: 1 }], users: n, prefix, from: at(period), to: at(period + 1) });
      await db.execute(sql`
        insert into experimentation.events (event_type, user_id, experiment_id, variant_id, source, created_at)
        select 'hero_click', a.user_id, a.experiment_id, a.variant_id, 'demo', least(a.created_at + random() * interval '10 minutes', ${window.now.toISOString()}::timestamptz)
        from experimentation.assignments a
        where a.experiment_id = ${bandit.id}::uuid and a.user_id in (select ${prefix} || g from generate_series(1, ${conversions[arm]!}::int) g)`);
      users += n;
    }
  }
  const equal = bandit.variants.map((v) => ({ variantId: v.id, weight: v.trafficAllocation / 100, trafficAllocation: v.trafficAllocation, probabilityBest: null, users: 0, mean: 0 }));
  await db.insert(banditAllocations).values([
    { experimentId: bandit.id, metricId: bandit.metricDefinitions[0]!.id, trigger: "start", allocations: equal, createdAt: window.start },
    ...simulation.reweightings.map((r) => ({ experimentId: bandit.id, metricId: bandit.metricDefinitions[0]!.id, trigger: "schedule", allocations: r.arms, createdAt: at(r.afterPeriod + 1) })),
  ]);
  for (const [i, variant] of bandit.variants.entries()) {
    await db.update(variants).set({ trafficAllocation: simulation.finalAllocations[i]! }).where(eq(variants.id, variant.id));
  }
  report.experiments.push({ key: bandit.key, type: bandit.experimentType, users });
}

/** The first superuser, else the oldest user, else a new superuser `demo` with a generated password. */
async function demoOwner(db: Database, actor: Actor): Promise<{ owner: { id: string; username: string }; createdUser: DemoReport["createdUser"] }> {
  const [existing] = await db.select({ id: users.id, username: users.username }).from(users).orderBy(desc(users.isSuperuser), asc(users.createdAt)).limit(1);
  if (existing) return { owner: existing, createdUser: null };
  const password = randomBytes(12).toString("base64url");
  const created = await createUser({ db, actor }, { username: "demo", email: "demo@example.com", password, fullName: "Demo user", isSuperuser: true });
  return { owner: { id: created.id, username: created.username }, createdUser: { username: created.username, password } };
}
