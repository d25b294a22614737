import type { Metadata } from "next";
import { can } from "@/core/permissions/permissions";
import { CLEARED, ExperimentFilters, type ExperimentFilterValues, StatusTabs } from "@/components/experiments/experiment-filters";
import { ExperimentsTable } from "@/components/experiments/experiments-table";
import { AreaPage } from "@/components/shell/area-page";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { BeakerIcon } from "@/components/ui/icons";
import { NewExperimentButton } from "@/components/experiments/new-experiment-button";
import { readIfAllowed, userCan } from "@/server/auth/session";
import { countExperimentsByStatus } from "@/server/services/experiments/count-experiments-by-status";
import { listExperimentsSchema } from "@/server/services/experiments/experiment-list.schema";
import { listExperiments } from "@/server/services/experiments/list-experiments";
import { listUsers } from "@/server/services/users/list-users";

export const metadata: Metadata = { title: "Experiments" };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function ExperimentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = await searchParams;
  const values: ExperimentFilterValues = Object.fromEntries(
    ["search", "status", "type", "tag", "ownerId", "sort", "direction"].map((k) => [k, first(raw[k])]),
  );
  // A hand-edited URL with a bad value shows the list unfiltered and says why, rather than failing.
  const parsed = listExperimentsSchema.safeParse({ ...values, page: first(raw.page) });
  const query = parsed.success ? parsed.data : listExperimentsSchema.parse({});
  const { allowed, data } = await readIfAllowed("experiment", async (ctx) => {
    const [page, counts, owners] = await Promise.all([
      listExperiments(ctx, query),
      countExperimentsByStatus(ctx),
      // The owner filter lists users only for those who may read them; the rest filter by the other fields.
      can(ctx.actor, "user", "read") ? listUsers(ctx, { pageSize: 200 }) : null,
    ]);
    return { page, counts, owners: owners?.rows.map((u) => ({ id: u.id, label: u.fullName || u.username })) ?? [] };
  });
  const canCreate = allowed && (await userCan("experiment", "create"));

  return (
    <AreaPage
      title="Experiments"
      description="A/B, multivariate, split-URL and bandit experiments."
      allowed={allowed}
      actions={canCreate ? <NewExperimentButton /> : undefined}
    >
      {data ? (
        <>
          {parsed.success ? null : (
            <Alert tone="warning" className="mb-4">
              Some filters in the address were not understood ({parsed.error.issues[0]?.message}), so they were ignored.
            </Alert>
          )}
          <StatusTabs values={values} counts={data.counts} />
          <ExperimentFilters values={values} owners={data.owners} />
          {data.page.total === 0 && Object.values(data.counts).some((n) => n > 0) ? (
            <EmptyState
              icon={<BeakerIcon />}
              title="No experiments match these filters"
              description="Try another status, type, owner, tag or search, or clear the filters to see every experiment."
              action={
                <ButtonLink href={CLEARED} variant="secondary">
                  Clear filters
                </ButtonLink>
              }
            />
          ) : data.page.total === 0 ? (
            <EmptyState
              icon={<BeakerIcon />}
              title="No experiments yet"
              description="Experiments test a change on a share of your users and tell you, with statistics you can trust, whether it worked."
              action={canCreate ? <NewExperimentButton /> : undefined}
            />
          ) : (
            <ExperimentsTable
              rows={data.page.rows.map((r) => ({
                key: r.key,
                name: r.name,
                status: r.status,
                experimentType: r.experimentType,
                owner: r.owner ? r.owner.fullName || r.owner.username : null,
                startDate: r.startDate?.toISOString() ?? null,
                endDate: r.endDate?.toISOString() ?? null,
                updatedAt: r.updatedAt.toISOString(),
                tags: r.tags,
                variantCount: r.variantCount,
              }))}
              total={data.page.total}
              page={data.page.page}
              pageSize={data.page.pageSize}
              sort={query.sort}
              direction={query.direction}
            />
          )}
        </>
      ) : null}
    </AreaPage>
  );
}
