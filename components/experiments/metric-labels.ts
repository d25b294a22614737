import type { AggregationMethod, MetricType } from "@/core/experiments/enums";

export const METRIC_TYPE_LABELS: Record<MetricType, string> = {
  CONVERSION: "Conversion",
  REVENUE: "Revenue",
  COUNT: "Count",
  DURATION: "Duration",
  CUSTOM: "Custom",
};

/** What each metric type measures per user (DESIGN §6), for hints next to the choice. */
export const METRIC_TYPE_HINTS: Record<MetricType, string> = {
  CONVERSION: "1 if the user sent the event at least once, else 0.",
  REVENUE: "The sum of the events' values.",
  COUNT: "How many times the user sent the event.",
  DURATION: "The mean of the events' values.",
  CUSTOM: "An aggregation of a number read from each event's metadata.",
};

export const AGGREGATION_LABELS: Record<AggregationMethod, string> = {
  sum: "Sum",
  average: "Average",
  count: "Count",
  min: "Minimum",
  max: "Maximum",
};
