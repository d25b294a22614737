import { experimentation } from "./columns";

export const experimentStatus = experimentation.enum("experiment_status", [
  "DRAFT",
  "ACTIVE",
  "PAUSED",
  "COMPLETED",
  "ARCHIVED",
]);

export const experimentType = experimentation.enum("experiment_type", [
  "A_B",
  "MULTIVARIATE",
  "SPLIT_URL",
  "BANDIT",
]);

export const metricType = experimentation.enum("metric_type", [
  "CONVERSION",
  "REVENUE",
  "COUNT",
  "DURATION",
  "CUSTOM",
]);

export const flagStatus = experimentation.enum("flag_status", ["ACTIVE", "INACTIVE"]);

/** API key types (DESIGN §7): client keys are safe in a browser, server keys may download config. */
export const apiKeyType = experimentation.enum("api_key_type", ["client", "server", "admin"]);

export type ExperimentStatus = (typeof experimentStatus.enumValues)[number];
export type ExperimentType = (typeof experimentType.enumValues)[number];
export type MetricType = (typeof metricType.enumValues)[number];
export type FlagStatus = (typeof flagStatus.enumValues)[number];
export type ApiKeyType = (typeof apiKeyType.enumValues)[number];
