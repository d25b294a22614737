/**
 * The planning form's fields as people type them (percentages, blanks) and their translation to a
 * `POST /api/v1/power` request, validated by the same schema the API uses.
 */
import { type PowerRequest, powerRequestSchema } from "@/server/services/analysis/analysis.schema";

export interface PlanningValues {
  metricType: "binomial" | "mean";
  /** Percent, for a binomial metric. */
  conversionRate: string;
  mean: string;
  standardDeviation: string;
  /** Relative effect in percent. */
  effect: string;
  /** Percent. */
  alpha: string;
  /** Percent. */
  power: string;
  variations: string;
  dailyUsers: string;
  test: "fixed" | "sequential";
  sequentialTuning: string;
  /** Users per variation to check the power of (a metric's minimum sample size); optional. */
  usersPerVariation: string;
}

export const DEFAULT_PLANNING_VALUES: PlanningValues = {
  metricType: "binomial",
  conversionRate: "10",
  mean: "",
  standardDeviation: "",
  effect: "5",
  alpha: "5",
  power: "80",
  variations: "2",
  dailyUsers: "5000",
  test: "fixed",
  sequentialTuning: "5000",
  usersPerVariation: "",
};

/** A blank stays undefined (the schema says if it is needed); anything else must read as a number. */
const number = (text: string): number | undefined => (text.trim() === "" ? undefined : Number(text.trim().replace(/,/g, "")));
const percent = (text: string): number | undefined => {
  const value = number(text);
  return value === undefined ? undefined : value / 100;
};

/** Which form field a schema path belongs to, so its message shows under the right input. */
const FIELD_OF_PATH: Record<string, keyof PlanningValues> = {
  "baseline.mean": "conversionRate",
  "baseline.variance": "standardDeviation",
  effect: "effect",
  alpha: "alpha",
  power: "power",
  variations: "variations",
  dailyUsers: "dailyUsers",
  sequentialTuning: "sequentialTuning",
  users: "usersPerVariation",
  metricType: "metricType",
};

export type PlanningErrors = Partial<Record<keyof PlanningValues, string>>;

/** The schema speaks in fractions (the API's unit); these fields are typed as percentages. */
const PERCENT_FIELDS: ReadonlySet<keyof PlanningValues> = new Set(["conversionRate", "alpha", "power"]);
const PERCENT_MESSAGE = "Enter a percentage above 0 and below 100.";

export function toPowerRequest(values: PlanningValues, withUsers: boolean): { request: PowerRequest; errors: null } | { request: null; errors: PlanningErrors } {
  const sd = number(values.standardDeviation);
  const variations = number(values.variations);
  const perVariation = number(values.usersPerVariation);
  const candidate = {
    metricType: values.metricType,
    baseline: values.metricType === "binomial" ? { mean: percent(values.conversionRate) } : { mean: number(values.mean), variance: sd === undefined ? undefined : sd * sd },
    effect: percent(values.effect),
    alpha: percent(values.alpha),
    power: percent(values.power),
    variations,
    dailyUsers: number(values.dailyUsers),
    sequentialTuning: values.test === "sequential" ? number(values.sequentialTuning) : undefined,
    users: withUsers && perVariation !== undefined && variations !== undefined ? perVariation * variations : undefined,
  };
  const parsed = powerRequestSchema.safeParse(candidate);
  if (parsed.success) return { request: parsed.data, errors: null };
  const errors: PlanningErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join(".");
    let field = FIELD_OF_PATH[path] ?? "effect";
    if (path === "baseline.mean" && values.metricType === "mean") field = "mean";
    const fractionRange = PERCENT_FIELDS.has(field) && issue.code !== "custom" ? true : path === "baseline.mean" && values.metricType === "binomial";
    errors[field] ??= fractionRange ? PERCENT_MESSAGE : issue.message;
  }
  return { request: null, errors };
}
