import { EXPERIMENT_TYPES, type ExperimentStatus, EXPERIMENT_STATUSES } from "@/core/experiments/enums";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitOnChangeSelect } from "@/components/ui/submit-on-change-select";
import { FilterTabs } from "@/components/ui/filter-tabs";
import { ListFilterForm, OwnerFilterField } from "@/components/ui/list-filter-form";
import { listHref } from "@/components/ui/url-table-state";
import { STATUS_LABELS, TYPE_LABELS } from "./experiment-badges";

export interface ExperimentFilterValues {
  search?: string;
  status?: string;
  type?: string;
  tag?: string;
  ownerId?: string;
  sort?: string;
  direction?: string;
}

/** The list with no filter at all. */
export const CLEARED = "/experiments";

function href(values: ExperimentFilterValues, change: Partial<ExperimentFilterValues>): string {
  return listHref(CLEARED, { ...values }, change);
}

/** Status tabs with counts: the quickest filter, and an overview of the portfolio at a glance. */
export function StatusTabs({ values, counts }: { values: ExperimentFilterValues; counts: Record<ExperimentStatus, number> }) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const tabs: Array<[string | undefined, string, number]> = [[undefined, "All", total], ...EXPERIMENT_STATUSES.map((s): [string, string, number] => [s, STATUS_LABELS[s], counts[s]])];
  return (
    <FilterTabs
      label="Filter by status"
      tabs={tabs.map(([status, label, count]) => ({ label, count, href: href(values, { status }), current: (values.status ?? undefined) === status }))}
    />
  );
}

/**
 * The other filters, as a plain GET form: works without JavaScript, and the URL is shareable. Type and owner
 * apply as soon as they are chosen, like the status tabs; search and tag apply on Enter or the button.
 */
export function ExperimentFilters({ values, owners }: { values: ExperimentFilterValues; owners: Array<{ id: string; label: string }> }) {
  return (
    <ListFilterForm path={CLEARED} label="Filter experiments" keep={{ status: values.status, sort: values.sort, direction: values.direction }}>
      <Field label="Search" className="min-w-56 flex-1">
        {(c) => <Input {...c} name="search" type="search" placeholder="Name, key or description" defaultValue={values.search} />}
      </Field>
      <Field label="Type">
        {(c) => (
          <SubmitOnChangeSelect {...c} name="type" defaultValue={values.type ?? ""}>
            <option value="">Any type</option>
            {EXPERIMENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </SubmitOnChangeSelect>
        )}
      </Field>
      <OwnerFilterField owners={owners} value={values.ownerId} />
      <Field label="Tag" className="w-36">
        {(c) => <Input {...c} name="tag" defaultValue={values.tag} />}
      </Field>
    </ListFilterForm>
  );
}
