import Link from "next/link";
import type { FlagStatus } from "@/core/flags/flag-definition";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FilterTabs } from "@/components/ui/filter-tabs";
import { Input } from "@/components/ui/input";
import { SubmitOnChangeSelect } from "@/components/ui/submit-on-change-select";
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

/**
 * Search, owner and tag, as a plain GET form: works without JavaScript, and the URL is shareable. The owner
 * applies as soon as it is chosen; search and tag on Enter or the button. The tag box suggests the tags in use.
 */
export function FlagFilters({ values, owners, tags }: { values: FlagFilterValues; owners: ReadonlyArray<{ id: string; label: string }>; tags: readonly string[] }) {
  return (
    <form method="get" action={FLAGS_CLEARED} role="search" aria-label="Filter flags" className="mb-4 flex flex-wrap items-end gap-3">
      {values.status ? <input type="hidden" name="status" value={values.status} /> : null}
      {values.sort ? <input type="hidden" name="sort" value={values.sort} /> : null}
      {values.direction ? <input type="hidden" name="direction" value={values.direction} /> : null}
      <Field label="Search" className="min-w-0 basis-full sm:basis-56 sm:flex-1">
        {(c) => <Input {...c} name="search" type="search" placeholder="Key, name or description" defaultValue={values.search} />}
      </Field>
      <Field label="Owner" className="min-w-0 flex-1 sm:flex-none">
        {(c) => (
          <SubmitOnChangeSelect {...c} name="ownerId" defaultValue={values.ownerId ?? ""}>
            <option value="">Anyone</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </SubmitOnChangeSelect>
        )}
      </Field>
      <Field label="Tag" className="min-w-0 flex-1 sm:w-40 sm:flex-none">
        {(c) => (
          <>
            <Input {...c} name="tag" list="flag-tag-suggestions" autoComplete="off" defaultValue={values.tag} />
            <datalist id="flag-tag-suggestions">
              {tags.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        <Link href={FLAGS_CLEARED} className="inline-flex items-center px-2 text-sm font-medium text-zinc-600 hover:text-zinc-900">
          Clear
        </Link>
      </div>
    </form>
  );
}
