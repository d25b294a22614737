import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export interface UserFilterValues {
  search?: string;
  active?: string;
  superuser?: string;
  role?: string;
  sort?: string;
  direction?: string;
}

/** The users list's filters, as a plain GET form: works without JavaScript, and the URL is shareable. */
export function UserFilters({ values, roles }: { values: UserFilterValues; roles: string[] }) {
  return (
    <form method="get" action="/users" role="search" aria-label="Filter users" className="mb-4 flex flex-wrap items-end gap-3">
      {values.sort ? <input type="hidden" name="sort" value={values.sort} /> : null}
      {values.direction ? <input type="hidden" name="direction" value={values.direction} /> : null}
      <Field label="Search" className="min-w-56 flex-1">
        {(control) => <Input {...control} name="search" type="search" defaultValue={values.search} placeholder="Username, email or name" />}
      </Field>
      <Field label="Status" className="w-36">
        {(control) => (
          <Select {...control} name="active" defaultValue={values.active ?? ""}>
            <option value="">Any</option>
            <option value="true">Active</option>
            <option value="false">Deactivated</option>
          </Select>
        )}
      </Field>
      <Field label="Superuser" className="w-36">
        {(control) => (
          <Select {...control} name="superuser" defaultValue={values.superuser ?? ""}>
            <option value="">Any</option>
            <option value="true">Superusers</option>
            <option value="false">Others</option>
          </Select>
        )}
      </Field>
      <Field label="Role" className="w-40">
        {(control) => (
          <Select {...control} name="role" defaultValue={values.role ?? ""}>
            <option value="">Any</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="flex gap-2">
        <Button type="submit">Filter</Button>
        <ButtonLink href="/users" variant="ghost">
          Clear
        </ButtonLink>
      </div>
    </form>
  );
}
