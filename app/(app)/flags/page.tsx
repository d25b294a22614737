import type { Metadata } from "next";
import { FLAGS_CLEARED, FlagFilters, type FlagFilterValues, FlagStatusTabs } from "@/components/flags/flags-filters";
import { FlagsTable } from "@/components/flags/flags-table";
import { AreaPage } from "@/components/shell/area-page";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FlagIcon, PlusIcon } from "@/components/ui/icons";
import { readIfAllowed, requireUser, userCan } from "@/server/auth/session";
import { listFlagFacets } from "@/server/services/flags/list-flag-facets";
import { listFlagsSchema } from "@/server/services/flags/flag-list.schema";
import { listFlags } from "@/server/services/flags/list-flags";
import { readPreferences } from "@/server/services/users/update-profile";
import { changeFlagStatusAction } from "./actions";

export const metadata: Metadata = { title: "Feature flags" };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function FlagsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = await searchParams;
  const me = await requireUser();
  const values: FlagFilterValues = Object.fromEntries(["search", "status", "tag", "ownerId", "sort", "direction"].map((k) => [k, first(raw[k])]));
  const preferredPageSize = readPreferences(me.preferences).pageSize;
  // A hand-edited URL with a bad value shows the list unfiltered and says why, rather than failing.
  const parsed = listFlagsSchema.safeParse({ ...values, page: first(raw.page), pageSize: first(raw.pageSize) ?? preferredPageSize });
  const query = parsed.success ? parsed.data : listFlagsSchema.parse({ pageSize: preferredPageSize });
  const { allowed, data } = await readIfAllowed("feature_flag", async (ctx) => {
    const [page, facets] = await Promise.all([listFlags(ctx, query), listFlagFacets(ctx)]);
    return { page, facets };
  });
  const [canCreate, canUpdate] = allowed ? await Promise.all([userCan("feature_flag", "create"), userCan("feature_flag", "update")]) : [false, false];
  const newFlag = (
    <ButtonLink href="/flags/new" variant="primary">
      <PlusIcon />
      New flag
    </ButtonLink>
  );

  return (
    <AreaPage
      title="Feature flags"
      description="Turn features on for some users, roll them out gradually, and override them per user."
      allowed={allowed}
      actions={canCreate ? newFlag : undefined}
    >
      {data ? (
        data.facets.counts.ACTIVE + data.facets.counts.INACTIVE === 0 ? (
          <EmptyState
            icon={<FlagIcon />}
            title="No feature flags yet"
            description="Flags let you ship code dark and decide, without a deploy, who sees it. Your SDKs evaluate them through our API or any OpenFeature SDK."
            action={canCreate ? newFlag : undefined}
          />
        ) : (
          <>
            {parsed.success ? null : (
              <Alert tone="warning" className="mb-4">
                Some filters in the address were not understood ({parsed.error.issues[0]?.message}), so they were ignored.
              </Alert>
            )}
            <FlagStatusTabs values={values} counts={data.facets.counts} />
            <FlagFilters values={values} owners={data.facets.owners.map((o) => ({ id: o.id, label: o.fullName || o.username }))} />
            {canUpdate ? null : <p className="mb-3 text-[13px] text-zinc-600">You can see every flag; turning one on or off needs permission to update flags.</p>}
            {data.page.total === 0 ? (
              <EmptyState
                icon={<FlagIcon />}
                title="No flags match these filters"
                description="Try another status, owner, tag or search, or clear the filters to see every flag."
                action={
                  <ButtonLink href={FLAGS_CLEARED} variant="secondary">
                    Clear filters
                  </ButtonLink>
                }
              />
            ) : (
              <FlagsTable
                rows={data.page.rows.map((r) => ({
                  id: r.id,
                  key: r.key,
                  name: r.name,
                  description: r.description,
                  status: r.status,
                  rolloutPercentage: r.rolloutPercentage,
                  variantCount: r.variantCount,
                  tags: r.tags,
                  owner: r.owner ? r.owner.fullName || r.owner.username : null,
                  updatedAt: r.updatedAt.toISOString(),
                  ruleCount: r.ruleCount,
                  activeOverrideCount: r.activeOverrideCount,
                }))}
                total={data.page.total}
                page={data.page.page}
                pageSize={data.page.pageSize}
                sort={query.sort}
                direction={query.direction}
                changeStatus={canUpdate ? changeFlagStatusAction : null}
              />
            )}
          </>
        )
      ) : null}
    </AreaPage>
  );
}
