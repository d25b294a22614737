import type { Metadata } from "next";
import { can } from "@/core/permissions/permissions";
import { AreaPage } from "@/components/shell/area-page";
import { UserFilters, type UserFilterValues } from "@/components/users/user-filters";
import { UsersTable } from "@/components/users/users-table";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon, UsersIcon } from "@/components/ui/icons";
import { readIfAllowed, requireUser, userCan } from "@/server/auth/session";
import { listRoles } from "@/server/services/roles/list-roles";
import { listUsers } from "@/server/services/users/list-users";
import { listUsersSchema } from "@/server/services/users/user.schema";
import { readPreferences } from "@/server/services/users/update-profile";

export const metadata: Metadata = { title: "Users" };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = await searchParams;
  const me = await requireUser();
  const values: UserFilterValues = Object.fromEntries(["search", "active", "superuser", "role", "sort", "direction"].map((k) => [k, first(raw[k])]));
  const preferredPageSize = readPreferences(me.preferences).pageSize;
  // A hand-edited URL with a bad value shows the list unfiltered and says why, rather than failing.
  const parsed = listUsersSchema.safeParse({ ...values, page: first(raw.page), pageSize: first(raw.pageSize) ?? preferredPageSize });
  const query = parsed.success ? parsed.data : listUsersSchema.parse({ pageSize: preferredPageSize });
  const { allowed, data } = await readIfAllowed("user", async (ctx) => {
    const [page, roles] = await Promise.all([listUsers(ctx, query), can(ctx.actor, "role", "read") ? listRoles(ctx) : []]);
    return { page, roles: roles.map((r) => r.name) };
  });
  const canCreate = allowed && (await userCan("user", "create"));
  const newUser = (
    <ButtonLink href="/users/new" variant="primary">
      <PlusIcon />
      New user
    </ButtonLink>
  );
  return (
    <AreaPage title="Users" description="People who can sign in, and the roles that decide what they may do." allowed={allowed} actions={canCreate ? newUser : undefined}>
      {data ? (
        <>
          {parsed.success ? null : (
            <Alert tone="warning" className="mb-4">
              Some filters in the address were not understood ({parsed.error.issues[0]?.message}), so they were ignored.
            </Alert>
          )}
          <UserFilters values={values} roles={data.roles} />
          {data.page.total === 0 ? (
            <EmptyState icon={<UsersIcon />} title="No users match these filters" description="Clear the filters to see everyone." />
          ) : (
            <UsersTable
              rows={data.page.rows.map((u) => ({ ...u, lastLogin: u.lastLogin?.toISOString() ?? null, createdAt: u.createdAt.toISOString() }))}
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
