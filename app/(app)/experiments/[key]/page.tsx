import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExperimentHeader } from "@/components/experiments/experiment-header";
import { ExperimentTypeNote } from "@/components/experiments/experiment-type-note";
import { nextStepHint } from "@/components/experiments/lifecycle-text";
import { targetingSummary } from "@/components/experiments/targeting-summary";
import { MetricsCard } from "@/components/experiments/metrics-card";
import { OverviewCard } from "@/components/experiments/overview-card";
import { TargetingCard } from "@/components/experiments/targeting-card";
import { VariantsCard } from "@/components/experiments/variants-card";
import { GuardrailBanner } from "@/components/results/guardrail-banner";
import { regressions } from "@/components/results/results-text";
import { ResultsView } from "@/components/results/results-view";
import { BanditCard } from "@/components/bandits/bandit-card";
import { AreaPage } from "@/components/shell/area-page";
import { TestUserPanel } from "@/components/targeting/test-user-panel";
import { ActionScope } from "@/components/ui/action-scope";
import { Tabs } from "@/components/ui/tabs";
import { totalAllocation } from "@/core/experiments/allocation";
import { isConfigurationFrozen } from "@/core/experiments/lifecycle";
import { can } from "@/core/permissions/permissions";
import { readIfAllowed, sessionContext } from "@/server/auth/session";
import { NotFound } from "@/server/errors";
import { targetingRulesSchema } from "@/server/services/experiments/experiment.schema";
import { getExperiment } from "@/server/services/experiments/get-experiment";
import { getExperimentResults } from "@/server/services/results/get-experiment-results";
import { getResultsHistory } from "@/server/services/results/get-results-history";
import { resultsQuerySchema } from "@/server/services/results/results.schema";
import { listBanditAllocations } from "@/server/services/bandits/list-bandit-allocations";
import { banditSettingsOf } from "@/server/services/bandits/update-bandit-settings";
import { listUsers } from "@/server/services/users/list-users";
import {
  changeStatusAction,
  deleteExperimentAction,
  duplicateExperimentAction,
  saveTargetingAction,
  saveVariantsAction,
  updateExperimentAction,
} from "./actions";
import { reweightBanditAction, saveBanditSettingsAction } from "./bandit-actions";
import { addMetricAction, removeMetricAction, setPrimaryMetricAction, updateMetricAction } from "./metric-actions";
import { refreshResultsAction } from "./results-actions";

type Params = { params: Promise<{ key: string }> };
type Props = Params & { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await params).key };
}

export default async function ExperimentPage({ params, searchParams }: Props) {
  const { key } = await params;
  const search = await searchParams;
  const tab = search.tab;
  const { allowed, data: experiment } = await readIfAllowed("experiment", (ctx) =>
    getExperiment(ctx, { key }).catch((error: unknown) => {
      if (error instanceof NotFound) return null;
      throw error;
    }),
  );
  if (!allowed) {
    return (
      <AreaPage title="Experiment" description="One experiment, its variants, metrics and targeting." allowed={false}>
        {null}
      </AreaPage>
    );
  }
  if (!experiment) notFound();

  const ctx = await sessionContext();
  const actor = ctx?.actor;
  const may = {
    update: actor ? can(actor, "experiment", "update") : false,
    create: actor ? can(actor, "experiment", "create") : false,
    delete: actor ? can(actor, "experiment", "delete") : false,
  };
  // The owner choice needs the right to list users; without it only the current owner is offered.
  const users = ctx && may.update ? await listUsers(ctx, { pageSize: 200 }).catch(() => null) : null;
  const owners = (users?.rows ?? []).map((u) => ({ id: u.id, label: u.fullName ? `${u.fullName} (${u.username})` : u.username }));
  const owner = experiment.owner;
  if (owner && !owners.some((o) => o.id === owner.id)) owners.unshift({ id: owner.id, label: owner.fullName || owner.username });
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  // Stored rules were validated on write; should one not parse, the editor shows it as JSON to fix.
  const targeting = targetingRulesSchema.safeParse(experiment.targetingRules);
  const frozen = isConfigurationFrozen(experiment.status);
  const mayConfigure = may.update && !frozen;
  // Unknown engine or scale in the address: the defaults, as the API would answer without them.
  const chosen = resultsQuerySchema.pick({ engine: true, difference: true }).catch({ engine: "frequentist", difference: "relative" }).parse({ engine: search.engine, difference: search.difference });
  const [results, history] = ctx
    ? await Promise.all([getExperimentResults(ctx, { key: experiment.key, ...chosen }), getResultsHistory(ctx, { key: experiment.key, difference: chosen.difference })])
    : [null, null];

  const overview = (
    <>
      {results ? <GuardrailBanner metrics={regressions(results)} /> : null}
      <ExperimentTypeNote
        experimentKey={experiment.key}
        experimentType={experiment.experimentType}
        status={experiment.status}
        variantCount={experiment.variants.length}
      />
      <OverviewCard
        experimentId={experiment.id}
        values={{
          name: experiment.name,
          key: experiment.key,
          description: experiment.description ?? "",
          hypothesis: experiment.hypothesis ?? "",
          experimentType: experiment.experimentType,
          ownerId: experiment.ownerId ?? "",
          startDate: iso(experiment.startDate),
          endDate: iso(experiment.endDate),
          tags: experiment.tags.join(", "),
          metrics: experiment.metrics ? JSON.stringify(experiment.metrics, null, 2) : "",
        }}
        owners={owners}
        locked={experiment.status !== "DRAFT"}
        frozen={frozen}
        canUpdate={may.update}
        action={updateExperimentAction}
      />
    </>
  );
  const bandit =
    experiment.experimentType === "BANDIT" && ctx ? (
      <BanditCard
        experimentId={experiment.id}
        status={experiment.status}
        settings={banditSettingsOf(experiment)}
        primaryMetric={experiment.metricDefinitions.find((m) => m.isPrimary)?.name ?? null}
        history={(await listBanditAllocations(ctx, { id: experiment.id })).map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() }))}
        variants={experiment.variants.map((v) => ({ id: v.id, name: v.name }))}
        now={new Date().toISOString()}
        canUpdate={may.update}
        canConfigure={mayConfigure}
        actions={{ saveSettings: saveBanditSettingsAction, reweight: reweightBanditAction }}
      />
    ) : null;
  const variants = (
    <>
      <VariantsCard
        experimentId={experiment.id}
        experimentType={experiment.experimentType}
        status={experiment.status}
        variants={experiment.variants.map((v) => ({
          id: v.id,
          name: v.name,
          description: v.description,
          isControl: v.isControl,
          trafficAllocation: v.trafficAllocation,
          configuration: v.configuration,
        }))}
        canUpdate={mayConfigure}
        action={saveVariantsAction}
      />
      {bandit}
    </>
  );
  const metrics = (
    <MetricsCard
      experimentId={experiment.id}
      metrics={experiment.metricDefinitions.map((m) => ({
        id: m.id,
        name: m.name,
        description: m.description,
        eventName: m.eventName,
        metricType: m.metricType,
        isPrimary: m.isPrimary,
        aggregationMethod: m.aggregationMethod,
        minimumSampleSize: m.minimumSampleSize,
        expectedEffect: m.expectedEffect,
        eventValuePath: m.eventValuePath,
        lowerIsBetter: m.lowerIsBetter,
      }))}
      canUpdate={mayConfigure}
      actions={{ add: addMetricAction, update: updateMetricAction, setPrimary: setPrimaryMetricAction, remove: removeMetricAction }}
    />
  );
  const targetingTab = (
    <>
      <TargetingCard
        experimentId={experiment.id}
        targetingRules={targeting.success ? targeting.data : JSON.stringify(experiment.targetingRules)}
        canUpdate={mayConfigure}
        action={saveTargetingAction}
      />
      {targeting.success ? (
        <TestUserPanel
          experiment={{
            key: experiment.key,
            status: experiment.status,
            targetingRules: targeting.data,
            variants: experiment.variants.map((v) => ({ id: v.id, name: v.name, trafficAllocation: v.trafficAllocation })),
          }}
        />
      ) : null}
    </>
  );

  const resultsTab = results ? (
    <ResultsView
      experimentKey={experiment.key}
      status={experiment.status}
      results={results}
      history={history}
      refreshAction={refreshResultsAction}
      csvHref={`/experiments/${encodeURIComponent(experiment.key)}/results.csv?${new URLSearchParams(chosen).toString()}`}
    />
  ) : null;

  return (
    // One scope: a banner belongs to the form used last (a "Saved." goes once Pause is pressed).
    <ActionScope>
      <div className="space-y-6">
        <ExperimentHeader
          experiment={{
            id: experiment.id,
            key: experiment.key,
            name: experiment.name,
            status: experiment.status,
            experimentType: experiment.experimentType,
            owner: owner ? owner.fullName || owner.username : null,
            startDate: iso(experiment.startDate),
            endDate: iso(experiment.endDate),
            traffic: { total: totalAllocation(experiment.variants.map((v) => v.trafficAllocation)), variants: experiment.variants.length },
            targeting: targeting.success ? targetingSummary(targeting.data) : targetingSummary(null, experiment.targetingRules),
            nextStep: nextStepHint({ status: experiment.status, startDate: experiment.startDate, endDate: experiment.endDate, now: new Date() }),
          }}
          can={may}
          actions={{ changeStatus: changeStatusAction, remove: deleteExperimentAction, duplicate: duplicateExperimentAction }}
        />
        <Tabs
          label="Experiment"
          param="tab"
          initial={typeof tab === "string" ? tab : undefined}
          tabs={[
            { id: "overview", label: "Overview", content: overview },
            { id: "variants", label: `Variants (${experiment.variants.length})`, content: variants },
            { id: "metrics", label: `Metrics (${experiment.metricDefinitions.length})`, content: metrics },
            { id: "targeting", label: "Targeting", content: targetingTab },
            { id: "results", label: "Results", content: resultsTab },
          ]}
        />
      </div>
    </ActionScope>
  );
}
