import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExperimentHeader } from "@/components/experiments/experiment-header";
import { MetricsCard } from "@/components/experiments/metrics-card";
import { OverviewCard } from "@/components/experiments/overview-card";
import { TargetingCard } from "@/components/experiments/targeting-card";
import { VariantsCard } from "@/components/experiments/variants-card";
import { AreaPage } from "@/components/shell/area-page";
import { TestUserPanel } from "@/components/targeting/test-user-panel";
import { can } from "@/core/permissions/permissions";
import { readIfAllowed, sessionContext } from "@/server/auth/session";
import { NotFound } from "@/server/errors";
import { targetingRulesSchema } from "@/server/services/experiments/experiment.schema";
import { getExperiment } from "@/server/services/experiments/get-experiment";
import { listUsers } from "@/server/services/users/list-users";
import {
  changeStatusAction,
  deleteExperimentAction,
  duplicateExperimentAction,
  saveTargetingAction,
  saveVariantsAction,
  updateExperimentAction,
} from "./actions";
import { addMetricAction, removeMetricAction, setPrimaryMetricAction, updateMetricAction } from "./metric-actions";

type Params = { params: Promise<{ key: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await params).key };
}

export default async function ExperimentPage({ params }: Params) {
  const { key } = await params;
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

  return (
    <div className="space-y-6">
      {/* Remounted when the experiment changes, so a stale "cannot start" checklist goes away after a fix. */}
      <ExperimentHeader
        key={experiment.updatedAt.toISOString()}
        experiment={{
          id: experiment.id,
          key: experiment.key,
          name: experiment.name,
          status: experiment.status,
          experimentType: experiment.experimentType,
          owner: owner ? owner.fullName || owner.username : null,
          startDate: iso(experiment.startDate),
          endDate: iso(experiment.endDate),
        }}
        can={may}
        actions={{ changeStatus: changeStatusAction, remove: deleteExperimentAction, duplicate: duplicateExperimentAction }}
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
        canUpdate={may.update}
        action={updateExperimentAction}
      />
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
        canUpdate={may.update}
        action={saveVariantsAction}
      />
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
        canUpdate={may.update}
        actions={{ add: addMetricAction, update: updateMetricAction, setPrimary: setPrimaryMetricAction, remove: removeMetricAction }}
      />
      <TargetingCard
        experimentId={experiment.id}
        targetingRules={targeting.success ? targeting.data : JSON.stringify(experiment.targetingRules)} canUpdate={may.update} action={saveTargetingAction} />
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
    </div>
  );
}
