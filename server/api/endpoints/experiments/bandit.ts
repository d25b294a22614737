import { z } from "zod";
import { banditReweightJsonSchema, banditSettingsSchema } from "../../../services/bandits/bandit.schema";
import { getBandit } from "../../../services/bandits/get-bandit";
import { updateBanditSettings } from "../../../services/bandits/update-bandit-settings";
import { named } from "../../openapi/endpoint-doc";
import { managementEndpoint } from "./management-endpoint";
import { experimentPathSchema, experimentRef } from "./request-input";
import { banditReweightJson } from "./reweight-bandit";

export const banditSettingsJsonSchema = z.object({
  intervalMinutes: z.int().describe("Minutes between scheduled re-weightings."),
  floorPercent: z.number().describe("The least share of the experiment's traffic each variant keeps, in percent."),
  burnInUsers: z.int().describe("Users every variant needs before the first re-weighting."),
});

export const banditJsonSchema = z.object({
  settings: banditSettingsJsonSchema,
  history: z.array(banditReweightJsonSchema).describe("Every recorded re-weighting, oldest first (the latest 5,000)."),
});

const banditBody = named("Bandit", banditJsonSchema);
const settingsBody = named("BanditSettings", banditSettingsJsonSchema);

export const getBanditEndpoint = managementEndpoint(
  {
    operationId: "getBandit",
    method: "GET",
    path: "/api/v1/experiments/{key}/bandit",
    summary: "A bandit's settings and re-weightings",
    description: "The re-weighting interval, floor and burn-in of a BANDIT experiment, and every re-weighting recorded (its trigger, and per variant the weight, traffic allocation, chance to be best, users and mean). 409 for an experiment of another type.",
    tags: ["Experiments"],
    pathParams: experimentPathSchema,
    responses: { 200: { description: "The bandit's settings and history.", body: banditBody } },
    errors: [404, 409],
  },
  async (ctx, request) => {
    const bandit = await getBandit(ctx, experimentRef(request));
    return { status: 200, body: { settings: bandit.settings, history: bandit.history.map(banditReweightJson) } };
  },
);

export const updateBanditSettingsEndpoint = managementEndpoint(
  {
    operationId: "updateBanditSettings",
    method: "PUT",
    path: "/api/v1/experiments/{key}/bandit",
    summary: "Change a bandit's settings",
    description:
      "Sets all three settings of a BANDIT experiment (interval 1 minute to a week, floor per variant in percent, burn-in in users per variant); a running bandit uses them from its next re-weighting. 409 for another type of experiment, or one that is completed or archived.",
    tags: ["Experiments"],
    pathParams: experimentPathSchema,
    body: named("BanditSettingsChange", banditSettingsSchema),
    responses: { 200: { description: "The settings as they are now.", body: settingsBody } },
    errors: [400, 404, 409, 413, 422],
  },
  async (ctx, request) => ({ status: 200, body: await updateBanditSettings(ctx, { experiment: experimentRef(request), settings: request.body }) }),
);
