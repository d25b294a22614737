import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "./button";
import { Field } from "./field";
import { SubmitOnChangeSelect } from "./submit-on-change-select";

export interface ListFilterFormProps {
  /** The list's path: the form's target and the "Clear" link. */
  path: string;
  /** The form's accessible name ("Filter flags"). */
  label: string;
  /** Parameters set elsewhere (status tabs, sort) that a submit keeps; empty ones are left out. */
  keep: Readonly<Record<string, string | undefined>>;
  children: ReactNode;
}

/**
 * A list's filters as a plain GET form: works without JavaScript, and the URL is shareable. Submitting
 * drops `page`, so a new filter starts at page 1. Ends with "Apply filters" and "Clear".
 */
export function ListFilterForm({ path, label, keep, children }: ListFilterFormProps) {
  return (
    <form method="get" action={path} role="search" aria-label={label} className="mb-4 flex flex-wrap items-end gap-3">
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {children}
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        <Link href={path} className="inline-flex items-center px-2 text-sm font-medium text-zinc-600 hover:text-zinc-900">
          Clear
        </Link>
      </div>
    </form>
  );
}

/** "Owner": anyone, or one of `owners`; applies as soon as it is chosen. */
export function OwnerFilterField({ owners, value, className }: { owners: ReadonlyArray<{ id: string; label: string }>; value: string | undefined; className?: string }) {
  return (
    <Field label="Owner" className={className}>
      {(c) => (
        <SubmitOnChangeSelect {...c} name="ownerId" defaultValue={value ?? ""}>
          <option value="">Anyone</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </SubmitOnChangeSelect>
      )}
    </Field>
  );
}
