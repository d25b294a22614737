import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ListFilterForm } from "@/components/ui/list-filter-form";
import { SubmitOnChangeSelect } from "@/components/ui/submit-on-change-select";

export interface OverrideFilterValues {
  /** Part of a user id. */
  search?: string;
  state?: "active" | "expired";
}

/** Which of a flag's overrides the table shows: a user id (or part of one), and active or expired ones. */
export function OverrideFilters({ flagKey, values }: { flagKey: string; values: OverrideFilterValues }) {
  return (
    <ListFilterForm path={`/flags/${encodeURIComponent(flagKey)}?tab=overrides`} label="Find overrides" keep={{ tab: "overrides" }}>
      <Field label="User id" className="min-w-0 basis-full sm:basis-56 sm:flex-1">
        {(c) => <Input {...c} name="search" type="search" placeholder="All or part of a user id" spellCheck={false} defaultValue={values.search} />}
      </Field>
      <Field label="Show" className="w-40">
        {(c) => (
          <SubmitOnChangeSelect {...c} name="state" defaultValue={values.state ?? ""}>
            <option value="">All overrides</option>
            <option value="active">Active only</option>
            <option value="expired">Expired only</option>
          </SubmitOnChangeSelect>
        )}
      </Field>
    </ListFilterForm>
  );
}

/** The URL's filter values, with anything unusable dropped (a hand-edited URL never breaks the page). */
export function overrideFiltersFrom(query: Readonly<Record<string, string | string[] | undefined>>): OverrideFilterValues {
  const search = typeof query.search === "string" ? query.search.trim().slice(0, 200) : "";
  const state = query.state === "active" || query.state === "expired" ? query.state : undefined;
  return { ...(search ? { search } : {}), ...(state ? { state } : {}) };
}
