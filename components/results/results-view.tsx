import type { ExperimentStatus } from "@/core/experiments/enums";
import type { FormAction } from "@/components/experiments/use-checked-action";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";
import type { ExperimentResults, ResultsHistory } from "@/server/services/results/results.schema";
import { MetricResultsCard } from "./metric-results-card";
import { RefreshResultsForm } from "./refresh-results-form";
import { ResultsControls } from "./results-controls";
import { MetricHistoryCharts, UsersOverTimeChart } from "./results-history-charts";
import { correctionText, intervalName, srmText } from "./results-text";

export interface ResultsViewProps {
  experimentKey: string;
  status: ExperimentStatus;
  results: ExperimentResults;
  history: ResultsHistory | null;
  refreshAction: FormAction;
  /** The CSV export of these results (same engine and scale). */
  csvHref: string;
}

const NO_USERS_YET: Partial<Record<ExperimentStatus, string>> = {
  DRAFT: "Results appear here once the experiment is started and users are assigned to its variants.",
  ACTIVE: "Results appear once your app requests assignments (POST /api/v1/assignments) and sends events. Already sending? Press Refresh to count the newest users.",
};

/** What makes a result count under the chosen engine. */
function footnote({ engine, alpha }: Pick<ExperimentResults, "engine" | "alpha">): string {
  const confidence = `${Math.round((1 - alpha) * 100)}%`;
  if (engine === "bayesian") return `A treatment is called better or worse once its chance to win passes ${confidence} either way.`;
  if (engine === "sequential") return `Significant at α = ${alpha}; sequential intervals stay valid however often you look.`;
  return `Significant at α = ${alpha}; decide at the planned sample size, or use Sequential to look early safely.`;
}

/** The Results tab: controls, trust checks (SRM, correction), then one card per metric, primary first. */
export function ResultsView({ experimentKey, status, results, history, refreshAction, csvHref }: ResultsViewProps) {
  const totalUsers = Object.values(results.srm.observed).reduce((sum, users) => sum + users, 0) || Math.max(0, ...results.metrics.flatMap((m) => m.variants.map((v) => v.users)));
  const srm = srmText(results.srm);
  const metrics = [...results.metrics].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  const historyOf = (metricId: string) => history?.metrics.find((m) => m.metricId === metricId)?.days ?? [];
  const userDays = history?.metrics[0]?.days ?? [];
  const interval = intervalName(results.engine, results.alpha);

  return (
    <div className="space-y-6">
      <Card>
        <CardBody className="flex flex-col gap-3 lg:flex-row lg:items-center lg:justify-between">
          <ResultsControls engine={results.engine} difference={results.difference} />
          <div className="flex items-start justify-between gap-3 sm:items-center">
            <RefreshResultsForm experimentKey={experimentKey} updatedAt={results.updatedAt} action={refreshAction} />
            <a href={csvHref} className={buttonClasses({ variant: "ghost", size: "sm" })} download>
              Export CSV
            </a>
          </div>
        </CardBody>
        {metrics.length > 0 && totalUsers > 0 ? (
          <p className="border-t border-zinc-200 px-5 py-2.5 text-[13px] text-zinc-600">
            {correctionText(results)} {footnote(results)}
          </p>
        ) : null}
      </Card>

      {srm ? (
        <Alert tone="danger" title="Sample ratio mismatch: users did not split as planned">
          {srm}
        </Alert>
      ) : null}

      {metrics.length === 0 ? (
        <EmptyState icon={<ChartIcon />} title="No metrics to analyse" description="Add a metric on the Metrics tab; results are computed for each metric against the control variant." />
      ) : totalUsers === 0 ? (
        <EmptyState icon={<ChartIcon />} title="No users in this experiment yet" description={NO_USERS_YET[status] ?? "No user was assigned while the experiment ran, so there is nothing to analyse."} />
      ) : (
        <>
          {userDays.length > 0 ? (
            <Card>
              <CardBody>
                <UsersOverTimeChart days={userDays} />
              </CardBody>
            </Card>
          ) : null}
          {metrics.map((metric) => {
            const days = historyOf(metric.metricId);
            return (
              <MetricResultsCard
                key={metric.metricId}
                metric={metric}
                engine={results.engine}
                difference={results.difference}
                alpha={results.alpha}
                charts={days.length > 0 ? <MetricHistoryCharts metric={metric.metric} metricType={metric.metricType} difference={results.difference} days={days} intervalName={interval} /> : null}
              />
            );
          })}
        </>
      )}
    </div>
  );
}
