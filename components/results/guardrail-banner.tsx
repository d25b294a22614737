import { Alert } from "@/components/ui/alert";
import { resultsHref } from "./results-controls";
import { type MetricResult, worseVariants } from "./results-text";

/**
 * The Overview's guardrail view: metrics a treatment moved significantly the wrong way (with
 * lower-is-better respected), named so nobody ships a win that quietly hurts something else.
 * A full load (not a client link) so the tab set opens on Results.
 */
export function GuardrailBanner({ metrics }: { metrics: readonly Pick<MetricResult, "metric" | "variants" | "lowerIsBetter">[] }) {
  if (metrics.length === 0) return null;
  const items = metrics.map((metric) => {
    const losers = worseVariants(metric);
    return `${metric.metric}${losers.length > 0 ? ` (${losers.join(", ")})` : ""}`;
  });
  return (
    <Alert tone="danger" title={metrics.length === 1 ? "A guardrail metric is moving the wrong way" : `${metrics.length} guardrail metrics are moving the wrong way`}>
      <p>
        Significantly worse than control: {items.join("; ")}. <a href={resultsHref({ engine: "frequentist", difference: "relative" })}>See the results</a>.
      </p>
    </Alert>
  );
}
