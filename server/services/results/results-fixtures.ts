/** Test data for the results services: assignments and events written with chosen times, as SQL would. */
import type { Executor } from "@/db/client";
import { assignments, events } from "@/db/schema";
import type { ExperimentDetail } from "../experiments/load-experiment";

export const T0 = new Date("2026-11-01T00:00:00Z");
export const hoursAfter = (hours: number, from: Date = T0) => new Date(from.getTime() + hours * 3_600_000);

export async function assign(ex: Executor, experiment: ExperimentDetail, variantName: string, userIds: string[], at: Date = T0): Promise<void> {
  const variant = experiment.variants.find((v) => v.name === variantName);
  if (!variant) throw new Error(`no variant ${variantName}`);
  if (userIds.length === 0) return;
  await ex.insert(assignments).values(userIds.map((userId) => ({ experimentId: experiment.id, variantId: variant.id, userId, createdAt: at })));
}

export interface TestEvent {
  user: string;
  type: string;
  value?: number | null;
  metadata?: Record<string, unknown> | null;
  at?: Date;
}

export async function track(ex: Executor, list: TestEvent[]): Promise<void> {
  if (list.length === 0) return;
  await ex.insert(events).values(
    list.map((e) => ({ eventType: e.type, userId: e.user, value: e.value ?? null, eventMetadata: e.metadata ?? null, source: "test", createdAt: e.at ?? hoursAfter(1) })),
  );
}
