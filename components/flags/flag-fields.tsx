"use client";

import { FLAG_KEY_MAX_LENGTH } from "@/core/flags/flag-definition";
import type { OwnerOption } from "@/components/experiments/experiment-fields";
import { useSuggestedKey } from "@/components/experiments/use-suggested-key";
import { errorsUnder } from "@/components/experiments/field-errors";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { FieldErrors } from "@/server/errors";

export interface FlagFieldValues {
  key: string;
  name: string;
  description: string;
  /** Comma-separated. */
  tags: string;
  ownerId: string;
}

export interface FlagFieldsProps {
  values: FlagFieldValues;
  owners: readonly OwnerOption[];
  errors: FieldErrors;
  /** A new flag: the key follows the name until someone edits it. After creation the key is fixed. */
  creating?: boolean;
}

/** Name, key, description, tags and owner: shared by the create form and the Settings tab. */
export function FlagFields({ values, owners, errors, creating = false }: FlagFieldsProps) {
  const { name, key, changeName, changeKey } = useSuggestedKey(values.name, values.key, creating);
  return (
    <div className="grid gap-x-5 gap-y-4 sm:grid-cols-2">
      <Field label="Name" error={errors.name}>
        {(c) => (
          <Input
            {...c}
            name="name"
            maxLength={200}
            value={name}
            onChange={(event) => changeName(event.target.value)}
          />
        )}
      </Field>
      <Field
        label="Key"
        error={errors.key}
        hint={creating ? "What SDKs ask for: letters, digits, dots, dashes and underscores. It cannot change later." : "Fixed: SDKs ask for it, and it seeds every user's bucket."}
      >
        {(c) =>
          creating ? (
            <Input
              {...c}
              name="key"
              maxLength={FLAG_KEY_MAX_LENGTH}
              spellCheck={false}
              autoCapitalize="none"
              className="font-mono"
              value={key}
              onChange={(event) => changeKey(event.target.value)}
            />
          ) : (
            <Input {...c} readOnly value={values.key} className="bg-zinc-50 font-mono text-zinc-600" />
          )
        }
      </Field>
      <Field label="Description" className="sm:col-span-2" hint="Optional. What the flag turns on, and when it can be removed." error={errors.description}>
        {(c) => <Textarea {...c} name="description" rows={2} maxLength={10_000} defaultValue={values.description} />}
      </Field>
      <Field label="Tags" hint="Optional. Separate tags with commas, e.g. checkout, mobile." error={errorsUnder(errors, "tags")}>
        {(c) => <Input {...c} name="tags" defaultValue={values.tags} />}
      </Field>
      <Field label="Owner" error={errors.ownerId}>
        {(c) => (
          <Select {...c} name="ownerId" defaultValue={values.ownerId}>
            <option value="">No owner</option>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </div>
  );
}
