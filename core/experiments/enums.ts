/**
 * The experiment vocabulary as plain values, for code that must not import the database schema (zod
 * schemas that also run in the browser, pure decisions). `db/schema/enums.ts` declares the same values as
 * PostgreSQL enums; a unit test beside the experiment schemas keeps the two lists equal.
 */
import type { ExperimentStatus } from "../assignment/assign-experiment";

export type { ExperimentStatus };

export const EXPERIMENT_STATUSES = ["DRAFT", "ACTIVE", "PAUSED", "COMPLETED", "ARCHIVED"] as const satisfies readonly ExperimentStatus[];

export const EXPERIMENT_TYPES = ["A_B", "MULTIVARIATE", "SPLIT_URL", "BANDIT"] as const;
export type ExperimentType = (typeof EXPERIMENT_TYPES)[number];

export const METRIC_TYPES = ["CONVERSION", "REVENUE", "COUNT", "DURATION", "CUSTOM"] as const;
export type MetricType = (typeof METRIC_TYPES)[number];

/** How a CUSTOM metric folds a user's values into one number (DESIGN §6); the database checks the same list. */
export const AGGREGATION_METHODS = ["sum", "average", "count", "min", "max"] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];
