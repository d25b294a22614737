import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FlagHeader } from "@/components/flags/flag-header";
import { FlagOverridesCard } from "@/components/flags/flag-overrides-card";
import { overrideFiltersFrom } from "@/components/flags/override-filters";
import { FlagRulesCard } from "@/components/flags/flag-rules-card";
import { FlagSettingsCard } from "@/components/flags/flag-settings-card";
import { FlagTestPanel } from "@/components/flags/flag-test-panel";
import { AreaPage } from "@/components/shell/area-page";
import { ActionScope } from "@/components/ui/action-scope";
import { Tabs } from "@/components/ui/tabs";
import { can } from "@/core/permissions/permissions";
import { readIfAllowed, sessionContext } from "@/server/auth/session";
import { NotFound } from "@/server/errors";
import { getFlag } from "@/server/services/flags/get-flag";
import { listOverrides } from "@/server/services/flags/list-overrides";
import { ownerOptions } from "@/server/services/users/owner-options";
import {
  bulkOverridesAction,
  changeFlagStatusAction,
  deleteFlagAction,
  duplicateFlagAction,
  removeOverrideAction,
  saveFlagRulesAction,
  saveOverrideAction,
  testFlagAction,
  updateFlagAction,
} from "./actions";

type Params = { params: Promise<{ key: string }> };
type Props = Params & { searchParams: Promise<Record<string, string | string[] | undefined>> };

const OVERRIDES_PAGE_SIZE = 50;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: decodeURIComponent((await params).key) };
}

export default async function FlagPage({ params, searchParams }: Props) {
  const key = decodeURIComponent((await params).key);
  const query = await searchParams;
  const page = Math.max(1, Number.parseInt(typeof query.page === "string" ? query.page : "1", 10) || 1);
  const { allowed, data: flag } = await readIfAllowed("feature_flag", (ctx) =>
    getFlag(ctx, { key }).catch((error: unknown) => {
      if (error instanceof NotFound) return null;
      throw error;
    }),
  );
  if (!allowed) {
    return (
      <AreaPage title="Feature flag" description="One flag: its rules, rollout, variants and overrides." allowed={false}>
        {null}
      </AreaPage>
    );
  }
  if (!flag) notFound();

  const ctx = await sessionContext();
  if (!ctx) notFound();
  const may = {
    update: can(ctx.actor, "feature_flag", "update"),
    create: can(ctx.actor, "feature_flag", "create"),
    delete: can(ctx.actor, "feature_flag", "delete"),
  };
  const overrideFilters = overrideFiltersFrom(query);
  const [owners, overrides] = await Promise.all([
    may.update ? ownerOptions(ctx, flag.owner) : ownerOptions(null, flag.owner),
    listOverrides(ctx, { flag: { id: flag.id }, page, pageSize: OVERRIDES_PAGE_SIZE, ...overrideFilters }),
  ]);
  const owner = flag.owner;
  const tab = typeof query.tab === "string" ? query.tab : undefined;

  return (
    // One scope: a banner belongs to the form used last.
    <ActionScope>
      <div className="space-y-6">
        <FlagHeader
          flag={{
            id: flag.id,
            key: flag.key,
            name: flag.name,
            status: flag.status,
            variantCount: flag.variants?.length ?? null,
            owner: owner ? owner.fullName || owner.username : null,
            rolloutPercentage: flag.rolloutPercentage,
            ruleCount: flag.targetingRules.length,
            overrideCount: flag.overrideCount,
            activeOverrideCount: flag.activeOverrideCount,
            tags: flag.tags,
          }}
          can={may}
          actions={{ changeStatus: changeFlagStatusAction, remove: deleteFlagAction, duplicate: duplicateFlagAction }}
        />
        <Tabs
          label="Feature flag"
          param="tab"
          initial={tab}
          tabs={[
            {
              id: "settings",
              label: "Settings",
              content: (
                <FlagSettingsCard
                  flagId={flag.id}
                  values={{ key: flag.key, name: flag.name, description: flag.description ?? "", tags: flag.tags.join(", "), ownerId: flag.ownerId ?? "" }}
                  variants={flag.variants}
                  rolloutPercentage={flag.rolloutPercentage}
                  owners={owners}
                  overrideCount={flag.overrideCount}
                  canUpdate={may.update}
                  action={updateFlagAction}
                />
              ),
            },
            {
              id: "rules",
              label: `Rules (${flag.targetingRules.length})`,
              content: (
                <FlagRulesCard
                  flagId={flag.id}
                  rules={flag.targetingRules.map((rule) => ({
                    id: rule.id,
                    description: rule.description ?? null,
                    condition: rule.condition,
                    serve: rule.serve ?? "on",
                    rolloutPercentage: rule.rolloutPercentage ?? null,
                  }))}
                  variants={flag.variants}
                  canUpdate={may.update}
                  action={saveFlagRulesAction}
                />
              ),
            },
            {
              id: "overrides",
              label: `Overrides (${flag.overrideCount})`,
              content: (
                <FlagOverridesCard
                  flagId={flag.id}
                  flagKey={flag.key}
                  filters={overrideFilters}
                  variants={flag.variants}
                  overrides={overrides.rows.map((row) => ({
                    id: row.id,
                    userId: row.userId,
                    value: row.value,
                    reason: row.reason,
                    expiresAt: row.expiresAt?.toISOString() ?? null,
                    active: row.active,
                  }))}
                  page={{ page: overrides.page, pageSize: overrides.pageSize, total: overrides.total }}
                  canUpdate={may.update}
                  actions={{ save: saveOverrideAction, bulk: bulkOverridesAction, remove: removeOverrideAction }}
                />
              ),
            },
            { id: "test", label: "Test a user", content: <FlagTestPanel flagId={flag.id} rolloutPercentage={flag.rolloutPercentage} action={testFlagAction} /> },
          ]}
        />
      </div>
    </ActionScope>
  );
}
