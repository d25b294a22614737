import type { FlagStatus } from "@/core/flags/flag-definition";
import { Field } from "@/components/ui/field";
import { FilterTabs } from "@/components/ui/filter-tabs";
import { Input } from "@/components/ui/input";
import { ListFilterForm, OwnerFilterField } from "@/components/ui/list-filter-form";
import { listHref } from "@/components/ui/url-table-state";

export interface FlagFilterValues {
  search?: string;
  status?: string;
  tag?: string;
  ownerId?: string;
  sort?: string;
  direction?: string;
}

/** The list with no filter at all. */
export const FLAGS_CLEARED = "/flags";

/** What the list calls each status: a flag is on or off, whatever the database names it. */
export const FLAG_STATUS_LABELS: Record<FlagStatus, string> = { ACTIVE: "On", INACTIVE: "Off" };

/** All / On / Off, with counts. */
export function FlagStatusTabs({ values, counts }: { values: FlagFilterValues; counts: Record<FlagStatus, number> }) {
  const tabs: Array<[FlagStatus | undefined, string, number]> = [
    [undefined, "All", counts.ACTIVE + counts.INACTIVE],
    ["ACTIVE", FLAG_STATUS_LABELS.ACTIVE, counts.ACTIVE],
    ["INACTIVE", FLAG_STATUS_LABELS.INACTIVE, counts.INACTIVE],
  ];
  return (
    <FilterTabs
      label="Filter by status"
      tabs={tabs.map(([status, label, count]) => ({ label, count, href: listHref(FLAGS_CLEARED, { ...values }, { status }), current: values.status === status }))}
    />
  );
}

/** Search, owner and tag. The owner applies as soon as it is chosen; search and tag on Enter or the button. */
export function FlagFilters({ values, owners }: { values: FlagFilterValues; owners: ReadonlyArray<{ id: string; label: string }> }) {
  return (
    <ListFilterForm path={FLAGS_CLEARED} label="Filter flags" keep={{ status: values.status, sort: values.sort, direction: values.direction }}>
      <Field label="Search" className="min-w-0 basis-full sm:basis-56 sm:flex-1">
        {(c) => <Input {...c} name="search" type="search" placeholder="Key, name or description" defaultValue={values.search} />}
      </Field>
      <OwnerFilterField owners={owners} value={values.ownerId} className="w-[calc(50%-0.375rem)] sm:w-auto" />
      <Field label="Tag" className="w-[calc(50%-0.375rem)] sm:w-40">
        {(c) => <Input {...c} name="tag" defaultValue={values.tag} />}
      </Field>
    </ListFilterForm>
  );
}
