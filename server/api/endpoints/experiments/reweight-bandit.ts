import { z } from "zod";
import { banditReweightJsonSchema } from "../../../services/bandits/bandit.schema";
import type { BanditHistoryEntry } from "../../../services/bandits/list-bandit-allocations";
import { reweightBandit } from "../../../services/bandits/reweight-bandit";
import { named } from "../../openapi/endpoint-doc";
import { managementEndpoint } from "./management-endpoint";
import { experimentPathSchema, experimentRef } from "./request-input";

const reweightBody = named("BanditReweighting", banditReweightJsonSchema);

export function banditReweightJson(entry: BanditHistoryEntry): z.output<typeof banditReweightJsonSchema> {
  return { ...entry, createdAt: entry.createdAt.toISOString() };
}

export const reweightBanditEndpoint = managementEndpoint(
  {
    operationId: "reweightBandit",
    method: "POST",
    path: "/api/v1/experiments/{key}/reweight",
    summary: "Re-weight a bandit now",
    description:
      "Runs Thompson sampling on the primary metric of a running BANDIT experiment and sets its variants' traffic allocations (the experiment's total coverage stays as it was; users already assigned keep their variant). A re-weighting is recorded in the bandit's history. 409 when the experiment is not a running bandit, has no primary metric, or is still in its burn-in (the message names the variants short of it).",
    tags: ["Experiments"],
    pathParams: experimentPathSchema,
    responses: { 200: { description: "The re-weighting recorded.", body: reweightBody } },
    errors: [404, 409],
  },
  async (ctx, request) => ({ status: 200, body: banditReweightJson(await reweightBandit(ctx, experimentRef(request))) }),
);
