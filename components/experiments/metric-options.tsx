import { AGGREGATION_METHODS, METRIC_TYPES } from "@/core/experiments/enums";
import { AGGREGATION_LABELS, METRIC_TYPE_LABELS } from "./metric-labels";

/** The <option>s of a metric type <select>, in the seed's order. */
export function MetricTypeOptions() {
  return METRIC_TYPES.map((type) => (
    <option key={type} value={type}>
      {METRIC_TYPE_LABELS[type]}
    </option>
  ));
}

/** The <option>s of an aggregation <select>, after an empty one showing `placeholder`. */
export function AggregationOptions({ placeholder }: { placeholder: string }) {
  return (
    <>
      <option value="">{placeholder}</option>
      {AGGREGATION_METHODS.map((method) => (
        <option key={method} value={method}>
          {AGGREGATION_LABELS[method]}
        </option>
      ))}
    </>
  );
}
