"use client";

import { EXPERIMENT_TYPES, type ExperimentType } from "@/core/experiments/enums";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { FieldErrors } from "@/server/errors";
import { DateTimeField } from "./date-time-field";
import { TYPE_LABELS } from "./experiment-badges";
import { useSuggestedKey } from "./use-suggested-key";
import { errorsUnder } from "./field-errors";

export interface OwnerOption {
  id: string;
  label: string;
}

/** The experiment's own fields as the forms start from them (dates as ISO text, tags comma-separated). */
export interface ExperimentFieldValues {
  name: string;
  key: string;
  description: string;
  hypothesis: string;
  experimentType: ExperimentType;
  ownerId: string;
  startDate: string | null;
  endDate: string | null;
  tags: string;
  /** The seed's experiment `metrics` JSON (analysis settings for its metrics), as text; "" for none. */
  metrics: string;
}

export interface ExperimentFieldsProps {
  values: ExperimentFieldValues;
  owners: readonly OwnerOption[];
  errors: FieldErrors;
  /** New experiments: the key follows the name until someone edits it. */
  suggestKey?: boolean;
  /** Once an experiment has left draft its key and type are fixed (SDKs and assignments use them). */
  locked?: boolean;
  /** A completed or archived experiment: only the description and tags can change (core FROZEN_EDITABLE_FIELDS). */
  frozen?: boolean;
  onTypeChange?: (type: ExperimentType) => void;
}

const KEY_HINT = "Used by SDKs and in URLs: a–z, 0–9, - and _.";

/** Name, key, description, hypothesis, type, owner, dates, tags and metrics configuration: shared by the create and edit forms. */
export function ExperimentFields({ values, owners, errors, suggestKey = false, locked = false, frozen = false, onTypeChange }: ExperimentFieldsProps) {
  const { name, key, changeName, changeKey } = useSuggestedKey(values.name, values.key, suggestKey);

  return (
    <div className="grid gap-x-5 gap-y-4 sm:grid-cols-2">
      <Field label="Name" error={errors.name}>
        {(c) => (
          <Input
            {...c}
            name="name"
            disabled={frozen}
            maxLength={200}
            value={name}
            onChange={(event) => changeName(event.target.value)}
          />
        )}
      </Field>
      <Field label="Key" error={errors.key} hint={locked ? "Fixed once the experiment has left draft: SDKs use it." : KEY_HINT}>
        {(c) => (
          <Input
            {...c}
            name="key"
            readOnly={locked}
            disabled={frozen}
            maxLength={100}
            spellCheck={false}
            autoCapitalize="none"
            className="font-mono read-only:bg-zinc-50 read-only:text-zinc-600"
            value={key}
            onChange={(event) => changeKey(event.target.value)}
          />
        )}
      </Field>
      <Field label="Description" hint="Optional. What changes for users." error={errors.description}>
        {(c) => <Textarea {...c} name="description" rows={3} maxLength={10_000} defaultValue={values.description} />}
      </Field>
      <Field label="Hypothesis" hint="Optional. What you expect to happen, and why." error={errors.hypothesis}>
        {(c) => <Textarea {...c} name="hypothesis" disabled={frozen} rows={3} maxLength={10_000} defaultValue={values.hypothesis} />}
      </Field>
      <Field label="Type" error={errors.experimentType} hint={locked ? "Fixed once the experiment has left draft." : undefined}>
        {(c) => (
          <Select {...c} name="experimentType" defaultValue={values.experimentType} disabled={locked || frozen} onChange={(event) => {
              const type = EXPERIMENT_TYPES.find((t) => t === event.target.value);
              if (type) onTypeChange?.(type);
            }}>
            {EXPERIMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {TYPE_LABELS[type]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Owner" error={errors.ownerId}>
        {(c) => (
          <Select {...c} name="ownerId" defaultValue={values.ownerId} disabled={frozen}>
            <option value="">No owner</option>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <DateTimeField label="Start date" name="startDate" defaultValue={values.startDate} error={errors.startDate} disabled={frozen} />
      <DateTimeField label="End date" name="endDate" defaultValue={values.endDate} error={errors.endDate} disabled={frozen} />
      <Field label="Tags" className="sm:col-span-2" hint="Optional. Separate tags with commas, e.g. checkout, mobile." error={errorsUnder(errors, "tags")}>
        {(c) => <Input {...c} name="tags" defaultValue={values.tags} />}
      </Field>
      <Field
        label="Metrics configuration (JSON)"
        className="sm:col-span-2"
        hint={'Optional. Settings for analysing this experiment\'s metrics, as a JSON object, e.g. {"alpha": 0.05}.'}
        error={errorsUnder(errors, "metrics")}
      >
        {(c) => (
          <Textarea
            {...c}
            name="metrics"
            disabled={frozen}
            rows={2}
            spellCheck={false}
            className="font-mono text-xs"
            placeholder="{}"
            defaultValue={values.metrics}
          />
        )}
      </Field>
    </div>
  );
}
