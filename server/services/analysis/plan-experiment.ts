import { type PlanAnswer, planExperiment as plan } from "@/core/stats/plan-experiment";
import { authorize } from "../../authorize";
import type { ServiceContext } from "../../context";
import { validate } from "../validate";
import { powerRequestSchema } from "./analysis.schema";

/** Power, users needed and minimum detectable effect (DESIGN §7, `POST /api/v1/power`); computes, stores nothing. */
export async function planExperiment(ctx: ServiceContext, input: unknown): Promise<PlanAnswer> {
  authorize(ctx, "experiment", "read");
  return plan(validate(powerRequestSchema, input));
}
