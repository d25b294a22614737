/** Bandit settings as forms, services and the API take them; browser-safe (zod and core only). */
import { z } from "zod";
import { BANDIT_LIMITS } from "@/core/bandits/plan-reweight";

const { intervalMinutes, floorPercent, burnInUsers } = BANDIT_LIMITS;

export const banditSettingsSchema = z.object({
  intervalMinutes: z.coerce
    .number({ error: "Enter a number of minutes." })
    .int("Enter whole minutes.")
    .min(intervalMinutes.min, `At least ${intervalMinutes.min} minute.`)
    .max(intervalMinutes.max, `At most ${intervalMinutes.max} minutes (a week).`)
    .describe("Minutes between scheduled re-weightings."),
  floorPercent: z.coerce
    .number({ error: "Enter a percentage." })
    .min(floorPercent.min, `At least ${floorPercent.min}%.`)
    .max(floorPercent.max, `At most ${floorPercent.max}%.`)
    .describe("The least share of the experiment's traffic each variant keeps, in percent."),
  burnInUsers: z.coerce
    .number({ error: "Enter a number of users." })
    .int("Enter a whole number of users.")
    .min(burnInUsers.min, `At least ${burnInUsers.min}.`)
    .max(burnInUsers.max, `At most ${burnInUsers.max.toLocaleString("en-US")}.`)
    .describe("Users every variant needs before the first re-weighting."),
});

export type BanditSettingsInput = z.input<typeof banditSettingsSchema>;

export const BANDIT_TRIGGERS = ["schedule", "manual", "start"] as const;
export type BanditTrigger = (typeof BANDIT_TRIGGERS)[number];

/** One arm of a recorded re-weighting (`bandit_allocations.allocations`). */
export const banditArmRecordSchema = z.object({
  variantId: z.string(),
  weight: z.number().describe("Share of the experiment's traffic, 0 to 1."),
  trafficAllocation: z.number().describe("The variant's traffic allocation set, in percent of all eligible users."),
  probabilityBest: z.number().nullable().describe("Posterior chance the variant is best; null on the record of the start."),
  users: z.int(),
  mean: z.number(),
});
export type BanditArmRecord = z.infer<typeof banditArmRecordSchema>;

export const banditReweightJsonSchema = z.object({
  id: z.uuid(),
  trigger: z.enum(BANDIT_TRIGGERS),
  createdAt: z.iso.datetime(),
  metricId: z.uuid().nullable(),
  allocations: z.array(banditArmRecordSchema.extend({ variant: z.string().nullable().describe("The variant's name.") })),
});
