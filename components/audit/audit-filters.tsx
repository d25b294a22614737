import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export interface AuditFilterValues {
  actor?: string;
  entityType?: string;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
}

const ENTITY_TYPES = ["experiment", "variant", "metric", "feature_flag", "feature_flag_override", "user", "role", "api_key"];

/** The audit log's filters, as a plain GET form, so a filtered view is a link to share. */
export function AuditFilters({ values }: { values: AuditFilterValues }) {
  return (
    <form method="get" action="/audit-log" role="search" aria-label="Filter the audit log" className="mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-7 lg:items-end">
      <Field label="Who">{(control) => <Input {...control} name="actor" defaultValue={values.actor} placeholder="Username or key name" />}</Field>
      <Field label="Entity type">
        {(control) => (
          <Select {...control} name="entityType" defaultValue={values.entityType ?? ""}>
            <option value="">Any</option>
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {t.replaceAll("_", " ")}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Entity">{(control) => <Input {...control} name="entity" defaultValue={values.entity} placeholder="Key, name or id" />}</Field>
      <Field label="Action">{(control) => <Input {...control} name="action" defaultValue={values.action} placeholder="user.create or user." />}</Field>
      <Field label="From">{(control) => <Input {...control} name="from" type="date" defaultValue={values.from} />}</Field>
      <Field label="To">{(control) => <Input {...control} name="to" type="date" defaultValue={values.to} />}</Field>
      <div className="flex gap-2">
        <Button type="submit">Filter</Button>
        <ButtonLink href="/audit-log" variant="ghost">
          Clear
        </ButtonLink>
      </div>
    </form>
  );
}
