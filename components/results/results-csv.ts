/**
 * The Results tab's CSV export: one row per metric and variant, raw numbers (not the page's rounded
 * text) so a spreadsheet can recompute from them. RFC 4180 quoting; text cells that a spreadsheet would
 * run as a formula (=, +, -, @, tab, CR) are prefixed with an apostrophe (OWASP "CSV injection").
 */
import type { ExperimentResults } from "@/server/services/results/results.schema";

const COLUMNS = [
  "experiment",
  "metric",
  "metric_type",
  "primary",
  "lower_is_better",
  "variant",
  "control",
  "users",
  "mean",
  "variance",
  "engine",
  "difference",
  "effect",
  "ci_lower",
  "ci_upper",
  "p_value",
  "adjusted_p_value",
  "chance_to_win",
  "significant",
  "updated_at",
] as const;

type Cell = string | number | boolean | null;

function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(value: Cell): string {
  if (value === null) return "";
  const text = typeof value === "string" ? textCell(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function resultsCsv(results: ExperimentResults): string {
  const lines: Cell[][] = [[...COLUMNS]];
  for (const metric of results.metrics) {
    for (const row of metric.variants) {
      const effect = results.difference === "relative" ? row.relativeEffect : row.absoluteEffect;
      lines.push([
        results.experiment,
        metric.metric,
        metric.metricType,
        metric.isPrimary,
        metric.lowerIsBetter,
        row.variant,
        row.isControl,
        row.users,
        row.mean,
        row.variance,
        results.engine,
        results.difference,
        effect,
        row.ciLower,
        row.ciUpper,
        row.pValue,
        row.adjustedPValue,
        row.chanceToWin,
        row.significant,
        results.updatedAt,
      ]);
    }
  }
  return lines.map((cells) => cells.map(quote).join(",")).join("\r\n") + "\r\n";
}

/** "checkout-redesign-results-bayesian-relative.csv": safe in a Content-Disposition header. */
export function resultsCsvFilename(results: Pick<ExperimentResults, "experiment" | "engine" | "difference">): string {
  const key = results.experiment.replace(/[^A-Za-z0-9._-]/g, "_");
  return `${key}-results-${results.engine}-${results.difference}.csv`;
}
